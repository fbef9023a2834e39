/*
 * Dates as date prints them, pure: the day of the week, and the line
 * GNU date prints by default, e.g. "Tue Dec  1 07:35:08 UTC 2026".
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>

struct date_fields {
	unsigned year, month, day, hour, min, sec;
};

/* false for a date that does not exist (Feb 30, month 13, year < 1900). */
bool date_valid(const struct date_fields *d);
/* 0 = Sunday .. 6 = Saturday; d must be valid. */
unsigned date_weekday(const struct date_fields *d);
/* What snprintf returns; d must be valid. */
int date_format(char *buf, size_t size, const struct date_fields *d);
