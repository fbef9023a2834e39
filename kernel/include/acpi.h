/* ACPI soft-off (S5). Returns only if it could not power off. */
#pragma once

void acpi_poweroff(void);
