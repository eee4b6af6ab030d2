import Foundation

/// The memory a column's versions share (``Column``).
///
/// Elements below a version's `count` never change once that version exists: a later
/// version appends past them in place (when nothing else has), and any other change copies.
final class ColumnStorage<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int
    /// How many elements are initialised; moved only under `lock`.
    private var filled = 0
    private let lock = NSLock()

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: filled)
        base.deallocate()
    }

    /// Appends `elements` after element `count - 1` if the storage ends there and has room.
    ///
    /// - Returns: false (and writes nothing) when another version already appended past
    ///   `count`, or the elements do not fit.
    func append<C: Collection>(_ elements: C, after count: Int) -> Bool where C.Element == Element {
        lock.withLock {
            guard filled == count, count + elements.count <= capacity else { return false }
            write(elements, at: count)
            return true
        }
    }

    /// Writes `elements` from position `count` on, dropping whatever was there. The caller
    /// holds the only reference (or the lock) and has checked the room.
    func write<C: Collection>(_ elements: C, at count: Int) where C.Element == Element {
        if filled > count { (base + count).deinitialize(count: filled - count) }
        var position = base + count
        for element in elements {
            position.initialize(to: element)
            position += 1
        }
        filled = count + elements.count
    }

    /// Fills a new storage with `count` elements of `source`.
    func copy(from source: UnsafePointer<Element>, count: Int) {
        lock.withLock {
            base.initialize(from: source, count: count)
            filled = count
        }
    }
}

/// A snapshot's column: an array whose later versions share memory with earlier ones.
///
/// A snapshot keeps millions of entities and links; copying them for every write would
/// cost tens of milliseconds and hundreds of megabytes a write (issue 22). A column behaves
/// as an array (value semantics, appends, subscripts) but appending to a column that
/// another version still holds writes past that version's end instead of copying, which
/// that version never reads. Changing an element of a shared column copies it, as an
/// array would. Written by hand because no library offers an append-shared array.
struct Column<Element>: RandomAccessCollection, @unchecked Sendable {
    private var storage: ColumnStorage<Element>
    private(set) var count: Int

    /// Spare room kept after a copy, so that the appends of the next writes go in place.
    private static func roomFor(_ count: Int) -> Int { count + Swift.max(1024, count / 32) }

    init() {
        storage = ColumnStorage(capacity: 16)
        count = 0
    }

    init(_ array: [Element]) {
        let storage = ColumnStorage<Element>(capacity: Column.roomFor(array.count))
        array.withUnsafeBufferPointer { buffer in
            if let address = buffer.baseAddress { storage.copy(from: address, count: buffer.count) }
        }
        self.storage = storage
        count = array.count
    }

    init(repeating element: Element, count: Int) {
        self.init(Array(repeating: element, count: count))
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < count, "column index out of range")
            return storage.base[index]
        }
        set {
            precondition(index >= 0 && index < count, "column index out of range")
            if !isKnownUniquelyReferenced(&storage) { copy(capacity: Column.roomFor(count)) }
            storage.base[index] = newValue
        }
    }

    /// Appends an element: in place when nothing else has appended past this version.
    mutating func append(_ element: Element) {
        append(contentsOf: CollectionOfOne(element))
    }

    /// Appends elements: in place when nothing else has appended past this version.
    mutating func append<C: Collection>(contentsOf elements: C) where C.Element == Element {
        if elements.isEmpty { return }
        if isKnownUniquelyReferenced(&storage), count + elements.count <= storage.capacity {
            // Nothing else holds the storage (loading): no lock needed.
            storage.write(elements, at: count)
        } else if !storage.append(elements, after: count) {
            copy(capacity: Swift.max(Column.roomFor(count + elements.count), count * 2))
            _ = storage.append(elements, after: count)
        }
        count += elements.count
    }

    /// Makes room for `capacity` elements (and the spare room after them) without copying again.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity { copy(capacity: Column.roomFor(capacity)) }
    }

    /// Calls `body` with the elements as a buffer.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    private mutating func copy(capacity: Int) {
        let fresh = ColumnStorage<Element>(capacity: Swift.max(capacity, count))
        fresh.copy(from: storage.base, count: count)
        storage = fresh
    }
}
