/* The service registry: names of provided endpoints, and aliases. */
#include "init.h"
#include <string.h>

#define MAX_SERVICES 32

static struct {
	char name[MAN_NAME_MAX + 1];
	char target[MAN_NAME_MAX + 1];  /* alias: the name it stands for */
	uint64_t ep;
} services[MAX_SERVICES];
static int nservices;

static int add(const char *name, const char *target, uint64_t ep)
{
	for (int i = 0; i < nservices; i++)
		if (!strcmp(services[i].name, name))
			return -1;
	if (nservices == MAX_SERVICES || strlen(name) > MAN_NAME_MAX)
		return -1;
	strlcpy(services[nservices].name, name, sizeof(services[nservices].name));
	strlcpy(services[nservices].target, target, sizeof(services[nservices].target));
	services[nservices].ep = ep;
	nservices++;
	return 0;
}

int service_add(const char *name, uint64_t ep_slot) { return add(name, "", ep_slot); }

int service_alias(const char *name, const char *target) { return add(name, target, 0); }

uint64_t service_find(const char *name)
{
	for (int depth = 0; depth < 8; depth++) {
		int i = 0;
		while (i < nservices && strcmp(services[i].name, name))
			i++;
		if (i == nservices)
			return 0;
		if (!services[i].target[0])
			return services[i].ep;
		name = services[i].target;
	}
	return 0;
}
