import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small W3C WebDriver client (https://www.w3.org/TR/webdriver2/) over HTTP, for the
/// browser tests: enough to drive headless Chromium through `chromedriver`. The HTTP is
/// `LocalHTTP` below, not URLSession: Foundation's URLSession on Linux refuses
/// chromedriver's answers ("Failed writing header": it writes `Content-Length:249`, no space).
struct WebDriver: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// An element reference, as WebDriver names it.
    struct Element: Sendable {
        static let key = "element-6066-11e4-a52e-4f735466cecf"
        let id: String
    }

    let base: URL
    let sessionId: String

    /// Starts a new headless Chromium session.
    static func newSession(driver: URL, chromium: String?) async throws -> WebDriver {
        var options: [String: Any] = [
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"],
        ]
        if let chromium { options["binary"] = chromium }
        let body: [String: Any] = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        let value = try await WebDriver.send("POST", driver.appendingPathComponent("session"), body: body, timeout: 60)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw Failure("chromedriver started no session: \(String(describing: value))")
        }
        return WebDriver(base: driver, sessionId: id)
    }

    /// One command; answers the response's `value`, or throws WebDriver's error and message.
    @discardableResult
    static func send(_ method: String, _ url: URL, body: [String: Any]? = nil, timeout: TimeInterval = 30) async throws -> Any? {
        let (status, data) = try await LocalHTTP.request(method, url, json: try body.map { try JSONSerialization.data(withJSONObject: $0) },
                                                         timeout: timeout)
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let value = json?["value"]
        guard (200..<300).contains(status) else {
            let error = (value as? [String: Any]).map { "\($0["error"] ?? "?"): \($0["message"] ?? "")" }
                ?? String(decoding: data, as: UTF8.self)
            throw Failure("WebDriver \(method) \(url.path) answered \(status): \(error)")
        }
        return value is NSNull ? nil : value
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        var url = base.appendingPathComponent("session").appendingPathComponent(sessionId)
        if !path.isEmpty { url = url.appendingPathComponent(path) }
        return try await WebDriver.send(method, url, body: body ?? (method == "POST" ? [:] : nil))
    }

    func navigate(to url: String) async throws { try await command("POST", "url", ["url": url]) }

    func currentURL() async throws -> String { try await command("GET", "url") as? String ?? "" }

    func title() async throws -> String { try await command("GET", "title") as? String ?? "" }

    func source() async throws -> String { try await command("GET", "source") as? String ?? "" }

    func findElements(_ css: String) async throws -> [Element] {
        let value = try await command("POST", "elements", ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return value.compactMap { ($0[Element.key] as? String).map(Element.init) }
    }

    func findElement(_ css: String) async throws -> Element {
        guard let element = try await findElements(css).first else { throw Failure("no element matches \(css)") }
        return element
    }

    func sendKeys(_ text: String, to element: Element) async throws {
        try await command("POST", "element/\(element.id)/value", ["text": text])
    }

    func click(_ element: Element) async throws { try await command("POST", "element/\(element.id)/click") }

    /// Empties a text field (W3C Element Clear); what is typed next replaces its text.
    func clear(_ element: Element) async throws { try await command("POST", "element/\(element.id)/clear") }

    func text(of element: Element) async throws -> String {
        try await command("GET", "element/\(element.id)/text") as? String ?? ""
    }

    /// Presses the mouse in the middle of `element`, moves it by `dx`, `dy` pixels and
    /// lets go (W3C Actions): the pointer events a person's drag makes.
    func drag(_ element: Element, by dx: Int, _ dy: Int) async throws {
        try await perform(["type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": [
            ["type": "pointerMove", "duration": 0, "origin": [Element.key: element.id], "x": 0, "y": 0],
            ["type": "pointerDown", "button": 0],
            ["type": "pointerMove", "duration": 100, "origin": "pointer", "x": dx / 2, "y": dy / 2],
            ["type": "pointerMove", "duration": 100, "origin": "pointer", "x": dx - dx / 2, "y": dy - dy / 2],
            ["type": "pointerUp", "button": 0],
        ] as [[String: Any]]])
    }

    /// Turns the mouse wheel over the middle of `element` by `deltaY` pixels (W3C Actions).
    func scroll(_ element: Element, deltaY: Int) async throws {
        try await perform(["type": "wheel", "id": "wheel", "actions": [
            ["type": "scroll", "duration": 0, "origin": [Element.key: element.id], "x": 0, "y": 0, "deltaX": 0, "deltaY": deltaY],
        ] as [[String: Any]]])
    }

    /// Performs one input source's actions, then releases whatever is still pressed.
    private func perform(_ source: [String: Any]) async throws {
        try await command("POST", "actions", ["actions": [source]])
        try await command("DELETE", "actions")
    }

    /// The element a script returns.
    func element(_ script: String) async throws -> Element? {
        ((try await execute(script)) as? [String: Any])?[Element.key].flatMap { $0 as? String }.map(Element.init)
    }

    /// Runs `script` (a function body) in the page and answers what it returns.
    func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "screenshot") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure("the screenshot was not base64 PNG")
        }
        return data
    }

    /// Back one page in the browser's history, as its back button.
    func back() async throws { try await command("POST", "back") }

    /// Forgets every cookie: the session ends as if the browser were closed.
    func deleteAllCookies() async throws { try await command("DELETE", "cookie") }

    /// Lays out pages at a viewport of `width` × `height` CSS pixels: a desktop window, or a
    /// phone (`mobile`: the page's viewport meta tag applies, as on a phone). Chromium's own
    /// device emulation (DevTools, through chromedriver), since a window cannot be made as
    /// narrow as a phone.
    func setViewport(width: Int, height: Int, mobile: Bool = false) async throws {
        try await command("POST", "window/rect", ["width": width, "height": height])
        try await command("POST", "goog/cdp/execute", ["cmd": "Emulation.setDeviceMetricsOverride",
                                                       "params": ["width": width, "height": height, "deviceScaleFactor": 1,
                                                                  "mobile": mobile, "screenWidth": width, "screenHeight": height]])
    }

    /// A PNG of the whole page, below the fold too (Chromium's DevTools command through
    /// chromedriver's `goog/cdp/execute`): for a long list.
    func fullPageScreenshot() async throws -> Data {
        let metrics = try await command("POST", "goog/cdp/execute", ["cmd": "Page.getLayoutMetrics", "params": [String: Any]()]) as? [String: Any]
        let size = metrics?["cssContentSize"] as? [String: Any]
        let width = (size?["width"] as? Double) ?? 1024, height = (size?["height"] as? Double) ?? 768
        let value = try await command("POST", "goog/cdp/execute", ["cmd": "Page.captureScreenshot", "params": [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
        ] as [String: Any]]) as? [String: Any]
        guard let base64 = value?["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure("the full-page screenshot was not base64 PNG")
        }
        return data
    }

    /// Makes the viewport (the page's part of the window) `width` by `height` CSS pixels: a
    /// laptop's screen, a phone's. The window is set, then widened by what its own frame takes.
    func setViewportSize(width: Int, height: Int) async throws {
        try await command("POST", "window/rect", ["width": width, "height": height])
        let inner = try await viewportSize()
        guard inner.width > 0, inner.height > 0, inner.width != width || inner.height != height else { return }
        try await command("POST", "window/rect", ["width": 2 * width - inner.width, "height": 2 * height - inner.height])
    }

    /// The viewport's size in CSS pixels, as the page sees it.
    func viewportSize() async throws -> (width: Int, height: Int) {
        let size = try await execute("return [window.innerWidth, window.innerHeight];") as? [Any] ?? []
        return ((size.first as? Int) ?? 0, (size.last as? Int) ?? 0)
    }

    func quit() async { _ = try? await command("DELETE", "") }

    /// Polls `condition` until it answers something, or fails after `timeout` seconds
    /// saying what was awaited.
    func wait<T>(_ what: String, timeout: TimeInterval = 15, _ condition: () async throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: (any Error)?
        while Date() < deadline {
            do {
                if let value = try await condition() { return value }
            } catch { lastError = error }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let url = (try? await currentURL()) ?? "?"
        throw Failure("timed out after \(Int(timeout)) s waiting for \(what) (page \(url))" + (lastError.map { "; last error: \($0)" } ?? ""))
    }

    /// Waits for an element matching `css`.
    func waitForElement(_ css: String, timeout: TimeInterval = 15) async throws -> Element {
        try await wait("an element matching \(css)", timeout: timeout) { try await findElements(css).first }
    }
}

/// A child process (the service or chromedriver), its output in a file, ended when the test
/// is done.
final class ChildProcess: @unchecked Sendable {
    let process: Spawned
    let log: URL

    init(_ executable: String, _ arguments: [String], directory: URL, log name: String, environment: [String: String] = [:]) throws {
        log = directory.appendingPathComponent(name)
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        process = try Spawned(executable, arguments, environment: merged, directory: directory.path,
                              stdout: .file(log.path), stderr: .output)
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Ends the process (SIGTERM, then SIGKILL after two seconds) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.send(SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.send(SIGKILL) }
        process.wait()
    }

    /// Polls `url` until it answers 200, failing early if the process exits.
    func waitUntilServing(_ url: URL, what: String, timeout: TimeInterval = 20) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer"
        while Date() < deadline {
            guard process.isRunning else {
                throw WebDriver.Failure("\(what) exited (status \(process.wait().status)) before serving \(url): \(output)")
            }
            do {
                let (status, _) = try await LocalHTTP.request("GET", url, timeout: 2)
                if status == 200 { return }
                last = "status \(status)"
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw WebDriver.Failure("\(what) did not answer \(url) within \(Int(timeout)) s (last: \(last)): \(output)")
    }
}

/// A port no one is listening on: bind port 0, read the port the kernel chose, let it go.
func freePort() throws -> Int {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw WebDriver.Failure("socket() failed: \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw WebDriver.Failure("bind() failed: \(errno)") }
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw WebDriver.Failure("getsockname() failed: \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// HTTP/1.1 to 127.0.0.1 over a plain socket: one request per connection
/// (`Connection: close`), the answer read to its end. Enough for chromedriver and the
/// service's readiness check.
enum LocalHTTP {
    /// - Parameter headers: more request headers (an API token, a reason), sent as given.
    static func request(_ method: String, _ url: URL, json: Data? = nil, headers: [String: String] = [:],
                        timeout: TimeInterval) async throws -> (Int, Data) {
        guard let host = url.host, let port = url.port else { throw WebDriver.Failure("not a local address: \(url)") }
        let task = Task.detached { try exchange(method, host: host, port: port, path: url.path.isEmpty ? "/" : url.path,
                                                json: json, headers: headers, timeout: timeout) }
        return try await task.value
    }

    /// One request and its answer, on the calling thread (``request(_:_:json:headers:timeout:)``
    /// runs it off the caller's task; load from many threads calls it directly).
    static func exchange(_ method: String, host: String, port: Int, path: String, json: Data?, headers: [String: String],
                                 timeout: TimeInterval) throws -> (Int, Data) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw WebDriver.Failure("socket() failed: \(errno)") }
        defer { close(fd) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw WebDriver.Failure("could not connect to \(host):\(port) (errno \(errno))") }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nAccept: */*\r\n"
        if let json { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(json.count)\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        var outgoing = Data((head + "\r\n").utf8)
        if let json { outgoing.append(json) }
        try outgoing.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < buffer.count {
                let n = send(fd, buffer.baseAddress! + sent, buffer.count - sent, 0)
                guard n > 0 else { throw WebDriver.Failure("sending to \(host):\(port) failed (errno \(errno))") }
                sent += n
            }
        }

        // Read until the body is complete: its Content-Length, the last chunk, or the end of
        // the connection (chromedriver keeps it open despite `Connection: close`).
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var parsed: (status: Int, headers: [String], bodyStart: Data.Index)?
        while true {
            if let head = parsed ?? parseHead(answer) {
                parsed = head
                let body = answer[head.bodyStart...]
                if let length = headerValue("content-length", in: head.headers).flatMap({ Int($0) }), body.count >= length {
                    return (head.status, Data(body.prefix(length)))
                }
                if headerValue("transfer-encoding", in: head.headers)?.lowercased().contains("chunked") == true,
                   body.range(of: Data("0\r\n\r\n".utf8)) != nil, let whole = try? unchunk(Data(body)) {
                    return (head.status, whole)
                }
            }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw WebDriver.Failure("no answer from \(host):\(port)\(path) within \(Int(timeout)) s (errno \(errno))") }
            answer.append(contentsOf: chunk[0..<n])
        }
        guard let head = parsed ?? parseHead(answer) else { throw WebDriver.Failure("a malformed answer from \(host):\(port)\(path)") }
        return (head.status, Data(answer[head.bodyStart...]))
    }

    /// The status and header lines, once the blank line after them has arrived.
    private static func parseHead(_ answer: Data) -> (status: Int, headers: [String], bodyStart: Data.Index)? {
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: answer[answer.startIndex..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        return (status, Array(lines.dropFirst()), split.upperBound)
    }

    private static func headerValue(_ name: String, in headers: [String]) -> String? {
        for line in headers {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The body of a `Transfer-Encoding: chunked` answer.
    private static func unchunk(_ data: Data) throws -> Data {
        var body = Data()
        var rest = data[...]
        let crlf = Data("\r\n".utf8)
        while let line = rest.range(of: crlf) {
            let sizeText = String(decoding: rest[rest.startIndex..<line.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first.map(String.init) ?? "", radix: 16) else {
                throw WebDriver.Failure("a malformed chunk size: \(sizeText)")
            }
            if size == 0 { break }
            let start = line.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw WebDriver.Failure("a truncated chunk") }
            let end = rest.index(start, offsetBy: size)
            body.append(rest[start..<end])
            rest = rest[rest.index(end, offsetBy: 2)...]
        }
        return body
    }
}
