/* Program entry: the loader sets RSP and RDI/RSI/RDX; align and go to C. */
	.text
	.global _start
_start:
	xor %ebp, %ebp
	and $-16, %rsp
	call tern_start
	ud2
