import Foundation

/// The files in `render/`, found the one way.
enum RenderResource {
    /// `render/styles.json`, which holds every visual choice for maps and charts.
    ///
    /// - Throws: ``RenderError`` when the folder is missing, which means the build is broken.
    static func stylesURL() throws -> URL {
        guard let folder = Bundle.module.url(forResource: "render", withExtension: nil) else {
            throw RenderError("the render/ folder is missing from the package resources; rebuild cegraph")
        }
        return folder.appendingPathComponent("styles.json")
    }
}
