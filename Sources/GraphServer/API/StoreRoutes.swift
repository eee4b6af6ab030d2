import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore
import HTTPTypes
import Hummingbird

/// The store's own operations over HTTP: import a file, export the picture or a network,
/// and the counts. Imports go through the very path `cegraph import` takes (one
/// transaction, all or nothing, errors naming the line and field); exports are disclosures
/// with their recipient in the audit log.
struct StoreRoutes {
    let services: Services


    func add(to router: Router<AppRequestContext>) {
        router.post("/api/import", use: importRecords)
        router.get("/api/export", use: export)
        router.get("/api/stats", use: stats)
    }

    /// Imports the body: JSON Lines by default, or CSV of one record type or entity kind
    /// (`format=csv&kind=vehicle`). `name` is what the file is called in errors and the
    /// audit log.
    @Sendable func importRecords(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        let format: ImportOptions.Format
        switch request.query("format") ?? "jsonl" {
        case "jsonl": format = .jsonLines
        case "csv":
            guard let kind = request.query("kind"), !kind.isEmpty else { throw ServerError(.badRequest, "format=csv needs kind (intel, link, area, or an entity kind)") }
            format = .csv(kind: kind)
        case let other: throw ServerError(.badRequest, "format \(Excerpt.bare(other)) is not jsonl or csv")
        }
        let name = request.query("name").map(StoreRoutes.fileName) ?? "upload"
        let limit = services.configuration.maxImportBytes
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ServerError(.contentTooLarge, "the file is larger than \(limit) bytes; import it with `cegraph import` on the server")
        }
        guard body.readableBytes > 0 else { throw ServerError(.badRequest, "the request body is empty: send the file's contents") }
        // The importer reads a file (it checksums and streams it), so the body is written to
        // a private temporary one, removed whatever happens.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("upload")
        try Data(buffer: body).write(to: file)
        let started = Date()
        let summary = try services.store.importFile(at: file.path, options: ImportOptions(
            format: format, name: name, viewer: services.viewer(context, purpose: "import of \(name)")))
        return JSONResponse.make(summary.json(file: name, seconds: Date().timeIntervalSince(started)), status: .created)
    }

    /// A file name as it may appear in messages: its last path part, printable characters
    /// only, at most 100 of them.
    static func fileName(_ text: String) -> String {
        let last = text.split(separator: "/").last.map(String.init) ?? text
        let printable = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        return printable.isEmpty ? "upload" : String(printable.prefix(100))
    }

    /// The whole store as JSON Lines (analysts only: it is everything, code C included), or
    /// a network (`root` and `hops`, else the whole picture) as GraphML, GEXF, ANX or DOT,
    /// redacted for `audience`. `recipient` names who receives it, for the audit log.
    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive(.analyse)
        let recipient = Download.recipient(request, account: account)
        let formatName = request.query("format") ?? "graphml"
        if formatName == "jsonl" {
            guard account.role == .analyst, try services.viewer(context, purpose: "export").access.seesWholePicture else {
                throw ServerError(.forbidden, "only analysts covering the whole picture export the whole store; export a network instead")
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("export.jsonl").path
            let output = try TextOutput(path: path)
            _ = try services.store.exportJSONLines(to: output, recipient: recipient, for: services.viewer(context, purpose: "export"))
            try output.close()
            return Response(status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(data: try Data(contentsOf: URL(fileURLWithPath: path)))))
        }
        guard let format = NetworkFormat(rawValue: formatName) else {
            throw ServerError(.badRequest, "format is jsonl, " + NetworkFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let audience = try GraphReads.audience(request.query("audience"))
        let root = request.query("root")
        let hops = try request.integer("hops", default: 2, in: 1...6)
        let viewer = try services.viewer(context, purpose: "export")
        if let root, try !services.store.mayOpen(root, asked: "export", by: viewer) { throw ServerError.notFound }
        // The map page's filters (dates, grading, kinds, as of) and its "new since", so that a
        // network taken from the page holds what the page draws.
        let filter = try QueryReads(services: services).filter(request)
        let newSince = try request.date("new_since")
        // And what the viewer expanded, hid, pinned and collapsed there.
        let arrangement = try MapArrangement(request)
        // Computed on what the audience may see, never exported whole and redacted after.
        let access = viewer.access.narrowed(to: audience)
        let map: MapGraph
        do {
            map = try root.map { try services.engine.associationMap(of: $0, hops: hops, filter: filter.seen(by: access), newSince: newSince,
                                                                    expanding: arrangement.expanded, access: access) }
                ?? services.engine.wholeMap(filter: filter.seen(by: access))
        } catch let error as QueryError where error.kind == .notFound {
            throw ServerError.notFound
        }
        let (redacted, disclosed) = MapRenderer.shown(map, to: audience, arrangement: arrangement, communities: MapCommunities.of)
        var what: [String: JSONValue] = ["export": .string(format.rawValue), "audience": .string(audience.rawValue), "filters": filter.json]
        if !arrangement.isEmpty { what["arrangement"] = arrangement.json }
        if let root { what["root"] = .string(root); what["hops"] = .number(String(hops)) }
        try services.store.auditDisclosure(what, recordIds: disclosed, recipients: [recipient], by: viewer)
        let text = format.text(redacted, audience: audience, date: CalendarDate.today.description, style: services.renderer.style)
        let name = Download.fileName(root.map { "network-\($0)-\(hops)-links-\(audience.rawValue)" } ?? "network-\(audience.rawValue)", format.rawValue)
        return Response(status: .ok, headers: [.contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// How much the store holds: counts only, no personal data.
    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.analyse)
        // Counts of the whole picture are for those who cover it.
        guard try services.viewer(context, purpose: "store counts").access.seesWholePicture else {
            throw ServerError(.forbidden, "the store's counts are of the whole picture; your account covers part of it")
        }
        return JSONResponse.make(try services.store.stats().json)
    }
}
