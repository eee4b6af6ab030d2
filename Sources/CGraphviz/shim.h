// Graphviz's C API for Swift: the headers, plus a few wrappers for what Swift cannot call
// directly (the render length's type changed in Graphviz 13).
#ifndef CEGRAPH_CGRAPHVIZ_SHIM_H
#define CEGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>

/// Renders a laid-out graph into a new buffer; free it with gvFreeRenderData.
static inline int cg_render_data(GVC_t *gvc, Agraph_t *graph, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, graph, format, result, length);
#else
    unsigned int size = 0;
    int status = gvRenderData(gvc, graph, format, result, &size);
    *length = size;
    return status;
#endif
}

#endif
