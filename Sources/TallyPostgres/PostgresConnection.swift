import CLibPQ
import TallyCore

/// One connection to a PostgreSQL server through libpq: run a statement and read its rows as
/// text, or stream rows into a table with `COPY … FROM STDIN`.
final class PostgresConnection {
    private let connection: OpaquePointer

    /// Connects to `url` (`postgresql://user@host:port/database`, or libpq's `key=value` form).
    init(url: String) throws(Diagnostic) {
        guard let connection = PQconnectdb(url) else {
            throw .error("postgres-connect", "cannot connect to PostgreSQL: out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresConnection.message(PQerrorMessage(connection))
            PQfinish(connection)
            throw .error("postgres-connect", "cannot connect to PostgreSQL at \(Self.redacted(url)): \(message)",
                         help: ["start a server, or check the URL: postgresql://USER@HOST:PORT/DATABASE"])
        }
        self.connection = connection
        _ = try execute("SET client_min_messages TO WARNING")
    }

    deinit { PQfinish(connection) }

    /// `url` with every password replaced by `***`: the one in `user:password@` of a URL, and the
    /// value of every `password=` (libpq's `key=value` form and URL query parameters).
    static func redacted(_ url: String) -> String {
        var text = url
        if let scheme = text.firstRange(of: "://") {
            let authorityEnd = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
            let authority = text[scheme.upperBound..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        var searchStart = text.startIndex
        while let key = text[searchStart...].firstRange(of: "password=") {
            let quoted = text[key.upperBound...].first == "'"
            let valueEnd = text[key.upperBound...].dropFirst(quoted ? 1 : 0)
                .firstIndex { quoted ? $0 == "'" : ($0 == " " || $0 == "&") }.map { quoted ? text.index(after: $0) : $0 } ?? text.endIndex
            text.replaceSubrange(key.upperBound..<valueEnd, with: "***")
            searchStart = text.index(key.upperBound, offsetBy: 3)
        }
        return text
    }

    /// Runs `sql` and returns its rows, each value as PostgreSQL's text (nil for NULL).
    func execute(_ sql: String) throws(Diagnostic) -> [[String?]] {
        guard let result = PQexec(connection, sql) else { throw failure("a statement failed") }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw failure(PostgresConnection.message(PQresultErrorMessage(result)))
        }
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) != 0 {
                    values.append(nil)
                } else if let text = PQgetvalue(result, row, column) {
                    values.append(String(cString: text))
                } else {
                    values.append(nil)
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// Runs `copy` (a `COPY … FROM STDIN` statement) and sends `data` in COPY's text format.
    func copyIn(_ copy: String, data: [UInt8]) throws(Diagnostic) {
        guard let started = PQexec(connection, copy) else { throw failure("COPY failed") }
        let status = PQresultStatus(started)
        let startMessage = PostgresConnection.message(PQresultErrorMessage(started))
        PQclear(started)
        guard status == PGRES_COPY_IN else { throw failure(startMessage) }
        let chunk = 1 << 20
        var start = 0
        while start < data.count {
            let end = min(data.count, start + chunk)
            let sent = data[start..<end].withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(connection, $0, Int32(buffer.count)) }
                } ?? 1
            }
            guard sent == 1 else { throw failure(PostgresConnection.message(PQerrorMessage(connection))) }
            start = end
        }
        guard PQputCopyEnd(connection, nil) == 1 else { throw failure(PostgresConnection.message(PQerrorMessage(connection))) }
        var problem: String?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK { problem = PostgresConnection.message(PQresultErrorMessage(result)) }
            PQclear(result)
        }
        if let problem { throw failure(problem) }
    }

    private func failure(_ message: String) -> Diagnostic {
        .error("postgres-error", "PostgreSQL: \(message)")
    }

    private static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        return String(cString: text).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}
