/// Keeps the `capacity` smallest elements seen, with the largest of them on top so a newcomer can be
/// rejected in O(1). This is what bounds the backlog scanner's memory.
struct BoundedMaxHeap<Element: Comparable> {
    let capacity: Int
    private var storage: [Element] = []

    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        storage.reserveCapacity(min(self.capacity, 65_536))
    }

    var isFull: Bool { storage.count >= capacity }
    var count: Int { storage.count }
    var top: Element? { storage.first }

    mutating func insert(_ element: Element) {
        if isFull {
            guard let top = storage.first, element < top else { return }
            storage[0] = element
            siftDown(0)
        } else {
            storage.append(element)
            siftUp(storage.count - 1)
        }
    }

    /// Empties the heap, returning its elements ascending.
    mutating func drainSorted() -> [Element] {
        defer { storage = [] }
        return storage.sorted()
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[parent] < storage[child] else { return }
            storage.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < storage.count else { return }
            var largest = left
            let right = left + 1
            if right < storage.count && storage[largest] < storage[right] { largest = right }
            guard storage[parent] < storage[largest] else { return }
            storage.swapAt(parent, largest)
            parent = largest
        }
    }
}
