#!/bin/sh
# The directories the UEFI scenarios boot (ci/scenarios/uefi-*.run): each
# is what a FAT boot volume would hold, and QEMU shows it to OVMF as a
# disk (-drive file=fat:DIR, read-only with snapshot=on). One boots the
# ktest suite; the others are broken on purpose, one way each, to see the
# loader's messages.
# Usage: uefi-trees.sh OUT LOADER KERNEL INITRAMFS
set -eu
out=$1 loader=$2 kernel=$3 initramfs=$4

cfg() {         # cfg DIR APPEND [KERNEL-LINE]: a syslinux.cfg like image/boot.cfg.in's
	printf 'DEFAULT tern\nLABEL tern\n  KERNEL %s\n  APPEND %s\n' "${3:-mboot.c32}" "$2" >"$1/syslinux.cfg"
}

tree() {        # tree NAME: the loader, kernel and initramfs
	rm -rf "$out/$1" && mkdir -p "$out/$1/EFI/BOOT"
	cp "$loader" "$out/$1/EFI/BOOT/BOOTX64.EFI"
	cp "$kernel" "$initramfs" "$out/$1/"
}

tree ktest
cfg "$out/ktest" "tern.elf init=/test/ktest skip=attack_,fuzz_ --- initramfs.tar"

# Device memory under UEFI: the mmio kernel tests on the GOP framebuffer,
# then a program init gives the framebuffer (uefi-fb.run).
tree mmio
cfg "$out/mmio" "tern.elf init=/test/ktest only=mmio_ --- initramfs.tar"
tree fb
cfg "$out/fb" "tern.elf conf=/etc/test/fb.conf --- initramfs.tar"

tree power
cfg "$out/power" "tern.elf --- initramfs.tar"

# The screen as the console: getty and sh on the framebuffer terminal
# (drv/fbcon), typed into on the PS/2 keyboard (uefi-screen-shell.run).
tree screen
cfg "$out/screen" "tern.elf console=screen --- initramfs.tar"
# The shell on the screen, the log on COM1 too (uefi-fbcon-restart.run).
tree screencom1
cfg "$out/screencom1" "tern.elf console=screen,com1 --- initramfs.tar"
# The terminals' stream protocol with fbcon as the screen (uefi-terminal-intr.run).
tree intr
cfg "$out/intr" "tern.elf conf=/etc/test/intr.conf --- initramfs.tar"
# A panic while fbcon has the screen (uefi-panic-screen.run).
tree panic
cfg "$out/panic" "tern.elf console=screen,com1 ktest=late-panic --- initramfs.tar"

tree nofile
rm "$out/nofile/initramfs.tar"
cfg "$out/nofile" "tern.elf --- initramfs.tar"

# Cut inside the loaded segments (the rest of the file is debug information).
tree badelf
head -c 50000 "$kernel" >"$out/badelf/tern.elf"
cfg "$out/badelf" "tern.elf --- initramfs.tar"

tree badcfg
cfg "$out/badcfg" "tern.elf --- initramfs.tar" vmlinuz

# More than the machine has (the scenario gives it 128 MiB): sparse, so
# it costs no disk.
tree bigmod
truncate -s 300M "$out/bigmod/big.bin"
cfg "$out/bigmod" "tern.elf --- big.bin"

# Secure Boot: the loader signed with the key Debian's ovmf package enrols
# in its "snakeoil" variable store (a public test key, passphrase
# "snakeoil"), as a user signs with their own (docs/uefi.md).
tree secure
openssl pkey -in "$OVMF_SB_KEY" -passin pass:snakeoil -out "$out/snakeoil.key"
sbsign --key "$out/snakeoil.key" --cert "$OVMF_SB_CERT" --output "$out/secure/EFI/BOOT/BOOTX64.EFI" \
	"$loader" 2>"$out/sbsign.log" || { cat "$out/sbsign.log"; exit 1; }
cfg "$out/secure" "tern.elf --- initramfs.tar"
