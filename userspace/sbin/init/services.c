/* The service registry: names of provided endpoints, and aliases. */
#include "init.h"
#include <string.h>

#define MAX_SERVICES 32

static struct {
	char name[MAN_NAME_MAX + 1];
	char target[MAN_NAME_MAX + 1];  /* alias: the name it stands for */
	uint64_t ep;
	uint64_t provider;              /* program id of the provider */
} services[MAX_SERVICES];
static int nservices;

static int add(const char *name, const char *target, uint64_t ep, uint64_t provider)
{
	for (int i = 0; i < nservices; i++)
		if (!strcmp(services[i].name, name))
			return -1;
	if (nservices == MAX_SERVICES || strlen(name) > MAN_NAME_MAX)
		return -1;
	strlcpy(services[nservices].name, name, sizeof(services[nservices].name));
	strlcpy(services[nservices].target, target, sizeof(services[nservices].target));
	services[nservices].ep = ep;
	services[nservices].provider = provider;
	nservices++;
	return 0;
}

int service_add(const char *name, uint64_t ep_slot, uint64_t provider)
{
	return add(name, "", ep_slot, provider);
}

int service_alias(const char *name, const char *target) { return add(name, target, 0, 0); }

/* The entry name stands for, after aliases (-1 if none). */
static int resolve(const char *name)
{
	for (int depth = 0; depth < 8; depth++) {
		int i = 0;
		while (i < nservices && strcmp(services[i].name, name))
			i++;
		if (i == nservices)
			return -1;
		if (!services[i].target[0])
			return i;
		name = services[i].target;
	}
	return -1;
}

uint64_t service_find(const char *name)
{
	int i = resolve(name);
	return i < 0 ? 0 : services[i].ep;
}

uint64_t service_provider(const char *name)
{
	int i = resolve(name);
	return i < 0 ? 0 : services[i].provider;
}
