#pragma once
#define TERN_VERSION "0.1"
