import CCairo
import CGraphviz
import Foundation
import GraphCore

/// Lays out a ``PrintDocument`` on A4 pages and draws it with cairo and Pango; each map is
/// drawn by Graphviz's cairo renderer onto a recording surface first, so that its size is
/// known before it is placed, then replayed onto the page as vector drawing.
///
/// The document is drawn twice: once to count the pages (nothing kept), then for real with
/// "page N of M" on each. Called only on ``GraphvizRenderer``'s queue.
final class PDFComposer {
    private let context: OpaquePointer
    private let style: MapStyle

    // A4 in points, portrait or (for a wide map) landscape, and the margins.
    private static let a4 = (short: 595.0, long: 842.0)
    private var landscape = false
    private var pageWidth: Double { landscape ? Self.a4.long : Self.a4.short }
    private var pageHeight: Double { landscape ? Self.a4.short : Self.a4.long }
    private let margin = 48.0
    private var contentWidth: Double { pageWidth - 2 * margin }
    private var top: Double { margin + 18 }
    private var bottom: Double { pageHeight - margin - 18 }

    private static let family = "Liberation Sans, DejaVu Sans, sans-serif"
    private static let ink = (0.07, 0.09, 0.15), grey = (0.38, 0.40, 0.45), red = (0.73, 0.11, 0.11)
    private static let markingColour = (0.50, 0.11, 0.11)

    // The page being drawn, on `surface`.
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private var y = 0.0
    private var page = 0
    private var total = 0
    private var document = PrintDocument(title: "", marking: "", footer: "", blocks: [])

    init(context: OpaquePointer, style: MapStyle) {
        self.context = context
        self.style = style
    }

    /// A map laid out and recorded: the recording and the box its drawing occupies.
    private struct RecordedMap {
        let surface: OpaquePointer
        let x: Double, y: Double, width: Double, height: Double
    }

    func pdf(_ document: PrintDocument) throws -> Data {
        self.document = document
        var maps: [Int: RecordedMap] = [:]
        defer { for map in maps.values { cairo_surface_destroy(map.surface) } }
        for (index, block) in document.blocks.enumerated() {
            if case .map(let map) = block { maps[index] = try record(map) }
        }
        // First pass: the page count (written nowhere).
        let counting = cairo_pdf_surface_create_for_stream(nil, nil, Self.a4.short, Self.a4.long)
        total = try draw(on: counting!, maps: maps)
        cairo_surface_destroy(counting)

        let sink = PDFSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), Self.a4.short, Self.a4.long) else { throw RenderError("cairo could not start the PDF") }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cegraph")
        _ = try draw(on: surface, maps: maps)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.data
    }

    // MARK: - Maps

    /// Lays out the map and lets Graphviz draw it onto a recording surface.
    ///
    /// Graphviz's cairo renderer finishes the surface it was handed when the page ends (it
    /// expects to own a whole PDF), so it is handed a sub-surface of the recording: finishing
    /// that releases only the sub-surface, and the recording keeps the drawing.
    private func record(_ map: PrintDocument.Map) throws -> RecordedMap {
        let dot = DotWriter(style: style).dot(map.graph, audience: map.audience, date: map.date, changesSince: map.changesSince)
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError("the map's DOT text could not be read: \(GraphvizRenderer.lastError())")
        }
        defer { agclose(graph) }
        let engine = LayoutEngine.forSize(map.graph.nodes.count)
        guard engine.rawValue.withCString({ gvLayout(context, graph, $0) }) == 0 else {
            throw RenderError("Graphviz could not lay out the map with \(engine.rawValue): \(GraphvizRenderer.lastError())")
        }
        defer { gvFreeLayout(context, graph) }
        // Bounded (a sub-surface needs bounds), far larger than any map a page can hold.
        var bounds = cairo_rectangle_t(x: 0, y: 0, width: 20_000, height: 20_000)
        guard let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &bounds) else {
            throw RenderError("cairo could not record the map")
        }
        let part = cairo_surface_create_for_rectangle(recording, 0, 0, bounds.width, bounds.height)
        let drawing = cairo_create(part)
        let status = gvRenderContext(context, graph, "pdf:cairo", UnsafeMutableRawPointer(drawing))
        cairo_destroy(drawing)
        cairo_surface_destroy(part)
        var x = 0.0, y = 0.0, width = 0.0, height = 0.0
        cairo_recording_surface_ink_extents(recording, &x, &y, &width, &height)
        guard status == 0, cairo_surface_status(recording) == CAIRO_STATUS_SUCCESS, width > 0, height > 0 else {
            cairo_surface_destroy(recording)
            throw RenderError("Graphviz could not draw the map for the PDF: \(GraphvizRenderer.lastError())")
        }
        return RecordedMap(surface: recording, x: x, y: y, width: width, height: height)
    }

    // MARK: - Pages

    /// Draws every block on `surface`; returns the number of pages.
    private func draw(on surface: OpaquePointer, maps: [Int: RecordedMap]) throws -> Int {
        self.surface = surface
        cr = cairo_create(surface)
        defer { cairo_destroy(cr); cr = nil; self.surface = nil }
        page = 0
        landscape = false
        startPage()
        for (index, block) in document.blocks.enumerated() {
            // A landscape page holds its map only.
            if landscape, case .map = block {} else if landscape { nextPage() }
            switch block {
            case .title(let text):
                paragraph(text, size: 20, bold: true, space: 10)
            case .heading(let text, let newPage):
                if newPage && y > top { nextPage() }
                // A heading is kept with what follows it.
                if y + 80 > bottom { nextPage() }
                paragraph(text, size: 15, bold: true, space: 8, spaceBefore: y > top ? 10 : 0)
                rule()
            case .subheading(let text):
                if y + 60 > bottom { nextPage() }
                paragraph(text, size: 11.5, bold: true, space: 4, spaceBefore: 8)
            case .text(let text):
                paragraph(text, size: 9.5, space: 6)
            case .note(let text):
                paragraph(text, size: 8.5, italic: true, colour: Self.grey, space: 6)
            case .facts(let facts):
                table(PrintDocument.Table(columns: [], widths: [0.3, 0.7], rows: facts.map { .init([$0.label, $0.value]) }),
                      boldFirstColumn: true)
                y += 6
            case .table(let table):
                self.table(table, boldFirstColumn: false)
                y += 8
            case .map(let map):
                if let recorded = maps[index] { place(recorded, caption: map.caption) }
            }
        }
        endPage()
        return page
    }

    private func startPage(landscape: Bool = false) {
        page += 1
        self.landscape = landscape
        if let surface { cairo_pdf_surface_set_size(surface, pageWidth, pageHeight) }
        y = top
        guard let cr else { return }
        // The marking, top centre.
        let marking = layout(document.marking, size: 9, bold: true, width: contentWidth, centred: true)
        defer { cg_object_unref(UnsafeMutableRawPointer(marking)) }
        setColour(Self.markingColour)
        cairo_move_to(cr, margin, margin - 14)
        pango_cairo_show_layout(cr, marking)
    }

    private func endPage() {
        guard let cr else { return }
        let footY = pageHeight - margin + 2
        setColour(Self.grey)
        cairo_set_line_width(cr, 0.5)
        cairo_move_to(cr, margin, footY - 4)
        cairo_line_to(cr, pageWidth - margin, footY - 4)
        cairo_stroke(cr)
        let footer = layout(document.footer, size: 7.5, width: contentWidth * 0.62)
        cairo_move_to(cr, margin, footY)
        pango_cairo_show_layout(cr, footer)
        cg_object_unref(UnsafeMutableRawPointer(footer))
        let number = layout("page \(page) of \(max(total, page))", size: 7.5, width: contentWidth * 0.3, right: true)
        cairo_move_to(cr, pageWidth - margin - contentWidth * 0.3, footY)
        pango_cairo_show_layout(cr, number)
        cg_object_unref(UnsafeMutableRawPointer(number))
        let marking = layout(document.marking, size: 9, bold: true, width: contentWidth, centred: true)
        setColour(Self.markingColour)
        cairo_move_to(cr, margin, footY + 12)
        pango_cairo_show_layout(cr, marking)
        cg_object_unref(UnsafeMutableRawPointer(marking))
        cairo_show_page(cr)
    }

    private func nextPage(landscape: Bool = false) {
        endPage()
        startPage(landscape: landscape)
    }

    // MARK: - Text

    private func paragraph(_ text: String, size: Double, bold: Bool = false, italic: Bool = false,
                           colour: (Double, Double, Double) = PDFComposer.ink, space: Double, spaceBefore: Double = 0) {
        guard let cr else { return }
        let laidOut = layout(text, size: size, bold: bold, italic: italic, width: contentWidth)
        defer { cg_object_unref(UnsafeMutableRawPointer(laidOut)) }
        let height = Self.height(of: laidOut)
        if y + spaceBefore + height > bottom && y > top { nextPage() } else { y += spaceBefore }
        setColour(colour)
        cairo_move_to(cr, margin, y)
        pango_cairo_show_layout(cr, laidOut)
        y += height + space
    }

    private func rule() {
        guard let cr else { return }
        setColour((0.80, 0.82, 0.86))
        cairo_set_line_width(cr, 0.75)
        cairo_move_to(cr, margin, y - 4)
        cairo_line_to(cr, pageWidth - margin, y - 4)
        cairo_stroke(cr)
        y += 4
    }

    /// A table, row by row: a row that does not fit goes to the next page, under the
    /// header row again.
    private func table(_ table: PrintDocument.Table, boldFirstColumn: Bool) {
        let sum = table.widths.reduce(0, +)
        let widths = table.widths.map { contentWidth * $0 / (sum > 0 ? sum : 1) }
        let padding = 3.0
        if !table.columns.isEmpty { row(table.columns, widths: widths, padding: padding, header: true, emphasised: false, bold: false) }
        for entry in table.rows {
            if !row(entry.cells, widths: widths, padding: padding, header: false, emphasised: entry.emphasised, bold: boldFirstColumn,
                    dryRun: true) {
                nextPage()
                if !table.columns.isEmpty { row(table.columns, widths: widths, padding: padding, header: true, emphasised: false, bold: false) }
            }
            row(entry.cells, widths: widths, padding: padding, header: false, emphasised: entry.emphasised, bold: boldFirstColumn)
        }
    }

    /// Draws one row (or, for a dry run, says whether it fits on the page).
    @discardableResult
    private func row(_ cells: [String], widths: [Double], padding: Double, header: Bool, emphasised: Bool, bold: Bool,
                     dryRun: Bool = false) -> Bool {
        guard let cr else { return true }
        let layouts = cells.enumerated().map { index, cell in
            layout(cell, size: header ? 8.5 : 9, bold: header || emphasised || (bold && index == 0),
                   width: max(10, (index < widths.count ? widths[index] : 40) - 2 * padding))
        }
        defer { for layout in layouts { cg_object_unref(UnsafeMutableRawPointer(layout)) } }
        let height = (layouts.map(Self.height).max() ?? 10) + 2 * padding
        if dryRun { return y + height <= bottom || y <= top }
        if header {
            cairo_set_source_rgb(cr, 0.93, 0.94, 0.96)
            cairo_rectangle(cr, margin, y, contentWidth, height)
            cairo_fill(cr)
        }
        var x = margin
        for (index, layout) in layouts.enumerated() {
            setColour(emphasised ? Self.red : (header ? Self.grey : Self.ink))
            cairo_move_to(cr, x + padding, y + padding)
            pango_cairo_show_layout(cr, layout)
            x += index < widths.count ? widths[index] : 40
        }
        cairo_set_source_rgb(cr, 0.86, 0.87, 0.90)
        cairo_set_line_width(cr, 0.5)
        cairo_move_to(cr, margin, y + height)
        cairo_line_to(cr, pageWidth - margin, y + height)
        cairo_stroke(cr)
        y += height
        return true
    }

    /// A Pango layout of `text` at `size` points, wrapped to `width` points.
    private func layout(_ text: String, size: Double, bold: Bool = false, italic: Bool = false, width: Double,
                        centred: Bool = false, right: Bool = false) -> OpaquePointer {
        let layout = pango_cairo_create_layout(cr)!
        // Points, not the screen's 96 pixels an inch.
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        pango_layout_context_changed(layout)
        let description = pango_font_description_from_string(
            "\(Self.family) \(bold ? "Bold " : "")\(italic ? "Italic " : "")\(size)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(cg_pango_scale())))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if centred { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        if right { pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT) }
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    private static func height(of layout: OpaquePointer) -> Double {
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        return Double(height) / Double(cg_pango_scale())
    }

    private func setColour(_ colour: (Double, Double, Double)) {
        cairo_set_source_rgb(cr, colour.0, colour.1, colour.2)
    }

    // MARK: - Placing a map

    /// A map on a page of its own, under its caption: a landscape page for a map wider than
    /// it is tall, so that it is drawn as large as it can be; scaled to the page (never up);
    /// a thin frame around it.
    private func place(_ map: RecordedMap, caption: String) {
        let wide = map.width > map.height * 1.15
        if y > top || wide != landscape { nextPage(landscape: wide) }
        guard let cr else { return }
        paragraph(caption, size: 11.5, bold: true, space: 6)
        let scale = min(1, contentWidth / map.width, (bottom - y - 2) / map.height)
        let height = map.height * scale
        let x = margin + (contentWidth - map.width * scale) / 2
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, map.surface, -map.x, -map.y)
        cairo_paint(cr)
        cairo_restore(cr)
        cairo_set_source_rgb(cr, 0.80, 0.82, 0.86)
        cairo_set_line_width(cr, 0.5)
        cairo_rectangle(cr, x, y, map.width * scale, height)
        cairo_stroke(cr)
        y += height + 8
    }
}

/// The PDF's bytes as cairo writes them.
private final class PDFSink {
    var data = Data()
}
