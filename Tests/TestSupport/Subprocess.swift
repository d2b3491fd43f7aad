import Foundation

/// A child process started with posix_spawn and reaped with waitpid.
///
/// Foundation's `Process` can miss the exit of a child whose own children (a PostgreSQL server)
/// outlive it when many tests spawn at once; plain POSIX calls have no such machinery to go wrong.
public final class Subprocess: @unchecked Sendable {
    public let pid: pid_t
    private var status: Int32?

    /// Starts `command` with stdin from /dev/null and stdout+stderr appended to `outputPath`.
    public init(_ command: [String], outputPath: String, environment: [String: String]? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Without this the child inherits every descriptor another test has open at this moment
        // (a server started by pg_ctl keeps them for its whole life), and a file it holds open for
        // writing never reports IN_CLOSE_WRITE to a watcher test.
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, command[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw Shell.Failure(message: "cannot start \(command[0]): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time because the
    /// Glibc module does not import it.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Waits for the exit and returns the exit status (128+N when killed by signal N).
    @discardableResult
    public func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
        let code = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        status = code
        return code
    }

    /// Sends a signal while the child has not been reaped (afterwards its pid may belong to another process).
    public func signal(_ number: Int32) {
        if status == nil { kill(pid, number) }
    }

    deinit {
        // A test that failed half-way must not leave a daemon running.
        if status == nil {
            kill(pid, SIGKILL)
            wait()
        }
    }
}
