/*
 * Starting the root task: the only program the kernel loads itself. It is
 * taken from the initramfs (path from "init=", default sbin/init), loaded
 * from its ELF segments, and given every authority there is: all free
 * memory as a quota, all I/O ports, all IRQ lines, the machine, the
 * initramfs mapped read-only, the kernel log ring read-only (a cap,
 * not mapped), and the device memory the loader told us of
 * (the VGA window, the boot framebuffer). Everything after it is loaded
 * by userspace.
 */
#include <abi/error.h>
#include <abi/object.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <boot.h>
#include <cmdline.h>
#include <elf64.h>
#include <klog.h>
#include <kprintf.h>
#include <lz4.h>
#include <mmio.h>
#include <object/cspace.h>
#include <object/memory.h>
#include <object/page.h>
#include <object/task.h>
#include <panic.h>
#include <pmm.h>
#include <sched.h>
#include <string.h>
#include <tar.h>
#include <vspace.h>

static struct task *root;

static void put_cap(unsigned slot, uint8_t type, uint8_t rights, struct kobj *o, uint64_t badge, uint64_t extra)
{
	cap_make(cspace_slot(root->cspace, slot), type, rights, o, badge, extra);
}

/* New zeroed pages mapped at va; the mapping owns them. Returns the page or 0. */
static struct page *map_new(uint64_t va, uint32_t n, unsigned rights)
{
	struct page *p = page_create(n);
	if (!p || vspace_map(root, p, va, rights))
		panic("root task: out of memory mapping %u pages at %lx", n, va);
	return p;
}

/* A device memory cap for [first, last] if that is not RAM (mmio.c). */
static void put_mmio(unsigned slot, const char *what, uint64_t first, uint64_t last)
{
	if (!mmio_range_ok(first, last)) {
		kprintf("tern: no %s for userspace: %016lx-%016lx is RAM or not whole pages\n", what, first, last);
		return;
	}
	put_cap(slot, CAP_MMIO, RIGHT_READ | RIGHT_WRITE, 0, first, last);
}

/*
 * The legacy VGA window exists on PC BIOS machines, which is what a
 * multiboot loader means here (tern's UEFI loader does not use multiboot;
 * UEFI firmware need not decode A0000 at all). It is not given when the
 * loader left a graphics mode (tern-fb.elf): VGA text memory shows
 * nothing then, so init refuses drv/vgacon and drv/fbcon is the screen
 * terminal. The framebuffer is whatever either loader set up, in whole
 * pages.
 */
static void give_device_memory(const struct boot_info *bi)
{
	if (bi->bios && !bi->fb.graphics)
		put_mmio(ROOT_MMIO_VGA, "VGA window", 0xA0000, 0xBFFFF);
	uint64_t end = bi->fb.base + bi->fb.size;
	if (bi->fb.format && bi->fb.size && end > bi->fb.base && end < (1ull << 52)) {
		uint64_t page = PAGE_SIZE - 1;
		put_mmio(ROOT_MMIO_FB, "framebuffer", bi->fb.base & ~page, ((end + page) & ~page) - 1);
	}
	kprintf("mmio: VGA window %s, framebuffer %s, write-combining %s\n",
		cspace_slot(root->cspace, ROOT_MMIO_VGA)->type ? "given" : "none",
		cspace_slot(root->cspace, ROOT_MMIO_FB)->type ? "given" : "none",
		paging_wc_enabled() ? "by PAT" : "not available (uncached)");
}

static const char *elf_load(const uint8_t *elf, uint64_t len, uint64_t *entry)
{
	struct elf_image img;
	int err = elf_check(&img, elf, len);
	if (err)
		return elf_strerror(err);
	struct elf_segment seg;
	unsigned idx = 0;
	while (elf_next_load(&img, &idx, &seg)) {
		uint64_t start = seg.vaddr & ~(uint64_t)(PAGE_SIZE - 1);
		uint64_t end = (seg.vaddr + seg.memsz + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
		unsigned rights = RIGHT_READ | (seg.flags & ELF_PF_W ? RIGHT_WRITE : 0) |
				  (seg.flags & ELF_PF_X ? RIGHT_EXEC : 0);
		for (uint64_t va = start; va < end; va += PAGE_SIZE) {
			struct page *p = map_new(va, 1, rights);
			uint8_t *dst = phys_to_virt(page_frame(p, 0));
			/* Copy the part of the file that falls in this page. */
			for (uint64_t off = 0; off < PAGE_SIZE; off++) {
				uint64_t a = va + off;
				if (a >= seg.vaddr && a < seg.vaddr + seg.filesz)
					dst[off] = elf[seg.offset + (a - seg.vaddr)];
			}
		}
	}
	*entry = img.entry;
	return 0;
}

/*
 * The images carry the initramfs as an LZ4 frame (initramfs/initramfs.mk):
 * it is unpacked here into new contiguous frames, which are the initramfs
 * from then on, for us and for the root task. The packed module's frames
 * stay reserved, as every module's are. An archive that starts with the
 * frame magic but does not decode stops the boot: reading it as a tar
 * instead would only hide the damage.
 */
static void unpack_initramfs(uint64_t *pa, uint64_t *len)
{
	const uint8_t *in = phys_to_virt(*pa);
	if (!lz4_is_frame(in, *len))
		return;
	uint64_t size = 0, out = 0;
	const char *why = lz4_frame_size(in, *len, &size);
	if (!why && !size)
		why = "it is empty";
	if (!why && !(out = pmm_alloc_contig((unsigned)((size + PAGE_SIZE - 1) / PAGE_SIZE))))
		why = "not enough contiguous memory";
	if (!why)
		why = lz4_frame_decode(in, *len, phys_to_virt(out), size);
	if (why) {
		kprintf("tern: cannot unpack the initramfs (LZ4): %s\n", why);
		machine_fail(4);
	}
	kprintf("tern: initramfs unpacked: %lu bytes from %lu (LZ4)\n", size, *len);
	*pa = out;
	*len = size;
}

void boot_start(const struct boot_info *bi)
{
	char path[64] = "sbin/init", v[4];
	if (!bi->nmods) {
		kprintf("tern: no initramfs module was loaded, so there is no init to run.\n"
			"      Pass build/initramfs.tar as the first multiboot module:\n"
			"      QEMU -initrd, mboot.c32 'tern.elf --- initramfs.tar', iPXE 'module'.\n");
		machine_fail(3);
	}
	if (cmdline_get(bi->cmdline, "poweroff", v, sizeof(v))) {
		kprintf("tern: kernel ready\ntern: powering off\n");
		machine_poweroff();
	}
	cmdline_get(bi->cmdline, "init", path, sizeof(path));
	const char *name = path[0] == '/' ? path + 1 : path;
	uint64_t ramfs_pa = bi->mods[0].start, ramfs_len = bi->mods[0].end - bi->mods[0].start;
	unpack_initramfs(&ramfs_pa, &ramfs_len);
	const uint8_t *ramfs = phys_to_virt(ramfs_pa);
	static struct tar_entry e;
	int terr = tar_find(ramfs, ramfs_len, name, &e);
	if (terr) {
		kprintf("tern: cannot find init \"%s\" in the initramfs: %s\n", path, tar_strerror(terr));
		machine_fail(4);
	}

	root = task_create(ROOT_RADIX);
	if (!root)
		panic("cannot create the root task");
	task_set_name(root, name);
	uint64_t entry = 0;
	const char *why = elf_load(e.data, e.size, &entry);
	if (why) {
		kprintf("tern: init \"%s\" is not a loadable program: %s\n", path, why);
		machine_fail(4);
	}
	struct page *stack = map_new(ROOT_STACK_TOP - ROOT_STACK_PAGES * PAGE_SIZE, ROOT_STACK_PAGES,
				     RIGHT_READ | RIGHT_WRITE);
	/* The kernel command line goes on top of the stack; RCX points at it. */
	uint64_t cmd_len = strlen(bi->cmdline) + 1;
	uint64_t cmd_va = ROOT_STACK_TOP - ((cmd_len + 15) & ~15ull);
	memcpy((char *)phys_to_virt(page_frame(stack, ROOT_STACK_PAGES - 1)) + (cmd_va & (PAGE_SIZE - 1)),
	       bi->cmdline, cmd_len);
	struct page *ipcbuf = map_new(ROOT_IPCBUF_VA, 1, RIGHT_READ | RIGHT_WRITE);
	kobj_get(&ipcbuf->hdr);
	root->ipcbuf = ipcbuf;

	uint32_t rframes = (uint32_t)((ramfs_len + PAGE_SIZE - 1) / PAGE_SIZE);
	struct page *rp = page_wrap(ramfs_pa, rframes);
	if (!rp || vspace_map(root, rp, ROOT_INITRAMFS_VA, RIGHT_READ))
		panic("cannot map the initramfs");

	/* Everything that is left goes to the root as its memory quota. */
	struct memory *mem = memory_create(pmm_free_frames() * PAGE_SIZE);
	if (!mem)
		panic("cannot create the root memory object");
	kobj_get(&root->hdr);           /* the root never dies */
	put_cap(ROOT_TASK, CAP_TASK, RIGHTS_ALL, &root->hdr, 0, 0);
	put_cap(ROOT_CSPACE, CAP_CSPACE, RIGHTS_ALL, &root->cspace->hdr, 0, 0);
	put_cap(ROOT_MEMORY, CAP_MEMORY, RIGHTS_ALL, &mem->hdr, 0, 0);
	put_cap(ROOT_IOPORT, CAP_IOPORT, RIGHTS_ALL, 0, 0, 0xFFFF);
	put_cap(ROOT_IRQ_CONTROL, CAP_IRQ_CONTROL, RIGHTS_ALL, 0, 0, 0);
	put_cap(ROOT_MACHINE, CAP_MACHINE, RIGHTS_ALL, 0, 0, 0);
	put_cap(ROOT_DEBUG, CAP_DEBUG, RIGHTS_ALL, 0, 0, 0);
	put_cap(ROOT_INITRAMFS, CAP_PAGE, RIGHT_READ, &rp->hdr, 0, 0);
	put_cap(ROOT_IPCBUF, CAP_PAGE, RIGHT_READ | RIGHT_WRITE, &ipcbuf->hdr, 0, 0);
	struct page *klog = klog_page();
	if (!klog)
		panic("cannot make the kernel log's page");
	put_cap(ROOT_KLOG, CAP_PAGE, RIGHT_READ, &klog->hdr, 0, 0);
	give_device_memory(bi);

	root->frame->rip = entry;
	root->frame->rsp = cmd_va;
	root->frame->rcx = cmd_va;
	root->frame->rdi = ROOT_INITRAMFS_VA;
	root->frame->rsi = ramfs_len;
	root->frame->rdx = ROOT_IPCBUF_VA;
	root->prio = root->eff_prio = 255;
	kprintf("tern: starting root task \"%s\" (%lu KiB of memory for userspace)\n",
		path, mem->left / 1024);
	sched_ready(root);
	sched_start();
}
