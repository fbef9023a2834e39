/* true: do nothing, successfully (for `cmd && true`, loops); arguments are ignored. */
int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}
