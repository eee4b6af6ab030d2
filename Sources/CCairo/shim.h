// cairo (PDF surfaces, recording surfaces) and Pango (text laid out with cairo) for Swift:
// the briefing pack's pages are drawn with them, and Graphviz draws each map straight onto
// the same pages (its own cairo renderer, gvRenderContext).
#ifndef CEGRAPH_CCAIRO_SHIM_H
#define CEGRAPH_CCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/// PANGO_SCALE as a function (Swift does not import the macro as a usable constant on
/// every Pango version).
static inline int cg_pango_scale(void) { return PANGO_SCALE; }

/// Frees a GObject (a PangoLayout) without Swift calling the variadic-typed g_object_unref.
static inline void cg_object_unref(void *object) { g_object_unref(object); }

#endif
