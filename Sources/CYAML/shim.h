#ifndef REPLYKIT_CYAML_SHIM_H
#define REPLYKIT_CYAML_SHIM_H
#include <yaml.h>
#endif
