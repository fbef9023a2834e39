/*
 * The part of the UEFI interface the loader uses, written from the UEFI
 * specification (2.x): the system table, boot and runtime services as
 * tables of function pointers, and five protocols. Unused table slots are
 * plain pointers so that the layout stays exact. Everything is the Windows
 * x86_64 ABI, which clang's x86_64-unknown-windows target gives us (EFIAPI
 * is the default calling convention there); wide strings are 16-bit
 * (-fshort-wchar).
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

typedef uint64_t efi_status;
typedef void *efi_handle;
typedef uint16_t char16;

#define EFI_ERR(n)              (0x8000000000000000ull | (n))
#define EFI_SUCCESS             0
#define EFI_LOAD_ERROR          EFI_ERR(1)
#define EFI_INVALID_PARAMETER   EFI_ERR(2)
#define EFI_UNSUPPORTED         EFI_ERR(3)
#define EFI_BUFFER_TOO_SMALL    EFI_ERR(5)
#define EFI_NOT_READY           EFI_ERR(6)
#define EFI_OUT_OF_RESOURCES    EFI_ERR(9)
#define EFI_NOT_FOUND           EFI_ERR(14)

struct efi_guid {
	uint32_t a;
	uint16_t b, c;
	uint8_t d[8];
};

struct efi_table_header {
	uint64_t signature;
	uint32_t revision, header_size, crc32, reserved;
};

struct efi_input_key {
	uint16_t scan_code;
	char16 unicode_char;
};

struct efi_simple_text_input {
	efi_status (*reset)(struct efi_simple_text_input *self, uint8_t extended);
	efi_status (*read_key_stroke)(struct efi_simple_text_input *self, struct efi_input_key *key);
	void *wait_for_key;
};

struct efi_simple_text_output {
	efi_status (*reset)(struct efi_simple_text_output *self, uint8_t extended);
	efi_status (*output_string)(struct efi_simple_text_output *self, const char16 *s);
	void *test_string, *query_mode, *set_mode, *set_attribute, *clear_screen;
	void *set_cursor_position, *enable_cursor, *mode;
};

/* Allocation types and the memory types we allocate or classify. */
enum { EFI_ALLOCATE_ANY = 0, EFI_ALLOCATE_MAX_ADDRESS = 1, EFI_ALLOCATE_ADDRESS = 2 };
enum {
	EFI_RESERVED_MEMORY = 0, EFI_LOADER_CODE, EFI_LOADER_DATA, EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA, EFI_RUNTIME_SERVICES_CODE, EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY, EFI_UNUSABLE_MEMORY, EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_NVS_MEMORY, EFI_MMIO, EFI_MMIO_PORT_SPACE, EFI_PAL_CODE, EFI_PERSISTENT_MEMORY,
};

struct efi_memory_descriptor {
	uint32_t type;
	uint32_t pad;
	uint64_t physical_start, virtual_start, pages, attribute;
};

struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl, *restore_tpl;
	efi_status (*allocate_pages)(int type, int memory_type, uint64_t pages, uint64_t *addr);
	efi_status (*free_pages)(uint64_t addr, uint64_t pages);
	efi_status (*get_memory_map)(uint64_t *size, struct efi_memory_descriptor *map,
				     uint64_t *key, uint64_t *desc_size, uint32_t *desc_version);
	efi_status (*allocate_pool)(int memory_type, uint64_t size, void **buf);
	efi_status (*free_pool)(void *buf);
	void *create_event, *set_timer, *wait_for_event, *signal_event, *close_event, *check_event;
	void *install_protocol_interface, *reinstall_protocol_interface;
	void *uninstall_protocol_interface;
	efi_status (*handle_protocol)(efi_handle h, const struct efi_guid *guid, void **iface);
	void *reserved, *register_protocol_notify, *locate_handle, *locate_device_path;
	void *install_configuration_table, *load_image, *start_image, *exit, *unload_image;
	efi_status (*exit_boot_services)(efi_handle image, uint64_t map_key);
	void *get_next_monotonic_count;
	efi_status (*stall)(uint64_t microseconds);
	efi_status (*set_watchdog_timer)(uint64_t seconds, uint64_t code, uint64_t size,
					 const char16 *data);
	void *connect_controller, *disconnect_controller, *open_protocol, *close_protocol;
	void *open_protocol_information, *protocols_per_handle, *locate_handle_buffer;
	efi_status (*locate_protocol)(const struct efi_guid *guid, void *registration, void **iface);
};

struct efi_runtime_services {
	struct efi_table_header hdr;
	void *get_time, *set_time, *get_wakeup_time, *set_wakeup_time;
	void *set_virtual_address_map, *convert_pointer;
	efi_status (*get_variable)(const char16 *name, const struct efi_guid *vendor,
				   uint32_t *attributes, uint64_t *size, void *data);
};

struct efi_configuration_table {
	struct efi_guid guid;
	void *table;
};

struct efi_system_table {
	struct efi_table_header hdr;
	const char16 *firmware_vendor;
	uint32_t firmware_revision;
	efi_handle console_in_handle;
	struct efi_simple_text_input *con_in;
	efi_handle console_out_handle;
	struct efi_simple_text_output *con_out;
	efi_handle standard_error_handle;
	struct efi_simple_text_output *std_err;
	struct efi_runtime_services *runtime;
	struct efi_boot_services *boot;
	uint64_t n_tables;
	struct efi_configuration_table *tables;
};

struct efi_loaded_image {
	uint32_t revision;
	efi_handle parent;
	struct efi_system_table *system_table;
	efi_handle device;
	void *file_path;
	void *reserved;
	uint32_t load_options_size;
	void *load_options;
	void *image_base;
	uint64_t image_size;
	int image_code_type, image_data_type;
	void *unload;
};

#define EFI_FILE_MODE_READ 1ull

struct efi_file {
	uint64_t revision;
	efi_status (*open)(struct efi_file *self, struct efi_file **out, const char16 *name,
			   uint64_t mode, uint64_t attributes);
	efi_status (*close)(struct efi_file *self);
	void *delete_file;
	efi_status (*read)(struct efi_file *self, uint64_t *size, void *buf);
	void *write, *get_position, *set_position;
	efi_status (*get_info)(struct efi_file *self, const struct efi_guid *type,
			       uint64_t *size, void *buf);
};

struct efi_simple_file_system {
	uint64_t revision;
	efi_status (*open_volume)(struct efi_simple_file_system *self, struct efi_file **root);
};

struct efi_time {
	uint16_t year;
	uint8_t month, day, hour, minute, second, pad1;
	uint32_t nanosecond;
	int16_t time_zone;
	uint8_t daylight, pad2;
};

struct efi_file_info {
	uint64_t size, file_size, physical_size;
	struct efi_time create_time, last_access_time, modification_time;
	uint64_t attribute;
	char16 file_name[];
};

enum { EFI_PIXEL_RGBX = 0, EFI_PIXEL_BGRX = 1, EFI_PIXEL_BITMASK = 2, EFI_PIXEL_BLT_ONLY = 3 };

struct efi_gop_mode_info {
	uint32_t version, width, height;
	int pixel_format;
	uint32_t red_mask, green_mask, blue_mask, reserved_mask;
	uint32_t pixels_per_scan_line;
};

struct efi_gop_mode {
	uint32_t max_mode, mode;
	struct efi_gop_mode_info *info;
	uint64_t info_size;
	uint64_t frame_buffer_base, frame_buffer_size;
};

struct efi_gop {
	void *query_mode, *set_mode, *blt;
	struct efi_gop_mode *mode;
};

/* A device path node: type, subtype, 16-bit little-endian length. */
struct efi_device_path {
	uint8_t type, subtype, length[2];
};

#define EFI_DP_END              0x7f
#define EFI_DP_MESSAGING        0x03
#define EFI_DP_MESSAGING_UART   0x0e

extern const struct efi_guid efi_loaded_image_guid, efi_simple_file_system_guid;
extern const struct efi_guid efi_file_info_guid, efi_gop_guid, efi_global_variable_guid;
extern const struct efi_guid efi_acpi20_guid, efi_acpi10_guid;
