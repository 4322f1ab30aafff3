import Testing
@testable import TallyCore

/// The `sql` statement and `set dialect`: whole outputs and messages, checked by hand.
@Suite struct SQLStatementTests {
    let run = DifferentialRun()

    func output(_ script: String) -> (output: String, errors: String) {
        let sink = BufferedOutput()
        _ = run.session.run(SourceFile(name: "<test>", text: script), mode: .script, output: sink)
        return (sink.output, sink.errors)
    }

    @Test func groupedQuerySpellsOutCodesMeasureAndOrder() {
        #expect(output("sql applicants where origin = Russia group by destination since 2012").output == """
            SELECT "destination", CAST(sum("applications") AS BIGINT) AS "applications"
            FROM "applicants"
            WHERE "origin" = 'RUS' AND "year" >= 2012
            GROUP BY "destination"
            ORDER BY "applications" DESC NULLS LAST, "destination" ASC NULLS LAST;

            """)
    }

    /// DuckDB and sqlite order rows as their file does by `rowid`, which a table created the
    /// plain way has: no `tally_row` column and no note; PostgreSQL and Spark print, once, how
    /// to load the file with `tally_row` numbered.
    @Test func fileOrderNeedsNoExtraColumnWhereTablesHaveRowid() {
        #expect(output("set dialect duckdb\nsql destination_totals where applications > 400000 show year").output == """
            SELECT "year"
            FROM "destination_totals"
            WHERE "applications" > 400000
            ORDER BY rowid;

            """)
        #expect(!output("set dialect sqlite\nsql destination_totals show year").output.contains("tally_row"))
        #expect(output("set dialect postgres\nsql destination_totals where applications > 400000 show year").output == """
            -- "tally_row" is each row's position in its file; load the file numbered, e.g.:
            -- CREATE TABLE "destination_totals" ("tally_row" BIGINT GENERATED ALWAYS AS IDENTITY, "year" BIGINT, "destination" TEXT, "destination_name" TEXT, "kind" TEXT, "unit" TEXT, "applications" BIGINT);
            -- COPY "destination_totals" ("year", "destination", "destination_name", "kind", "unit", "applications") FROM 'destination_totals.csv' WITH (FORMAT csv, HEADER true);
            SELECT "year"
            FROM "destination_totals"
            WHERE "applications" > 400000
            ORDER BY "tally_row";

            """)
    }

    @Test func postgresCollatesTextByCodePoint() {
        #expect(output("set dialect postgres\nsql countries where name >= \"M\" group by region show count sort by region").output == """
            SELECT "region", count(*) AS "count"
            FROM "countries"
            WHERE "name" COLLATE "C" >= 'M'
            GROUP BY "region"
            ORDER BY "region" COLLATE "C" ASC NULLS LAST;

            """)
    }

    @Test func sparkEscapesBackslashesAndDividesWithTryDivide() {
        #expect(output("set dialect spark\nsql decisions where destination_name contains \"a_\\\" show recognized / total as rate").output == """
            -- `tally_row` is each row's position in its file; load the file numbered, e.g.:
            -- CREATE TEMPORARY VIEW `decisions_csv` USING csv OPTIONS (path 'decisions.csv', header 'true', inferSchema 'true');
            -- CREATE TABLE `decisions` AS SELECT monotonically_increasing_id() AS `tally_row`, * FROM `decisions_csv`;
            SELECT try_divide(CAST(`recognized` AS DOUBLE), CAST(`total` AS DOUBLE)) AS `rate`
            FROM `decisions`
            WHERE lower(`destination_name`) LIKE '%a\\\\_\\\\\\\\%' ESCAPE '\\\\'
            ORDER BY `tally_row`;

            """)
    }

    @Test func sqliteKeepsFileOrderWithRowidAndTopWithRowNumber() {
        #expect(output("set dialect sqlite\nsql applicants where origin = GE show year, applications top 2").output == """
            SELECT "year", "applications"
            FROM (
              SELECT *, row_number() OVER (ORDER BY "applications" DESC NULLS LAST, "tally_row") AS "tally_top"
              FROM (
                SELECT "year", "applications", rowid AS "tally_row"
                FROM "applicants"
                WHERE "origin" = 'GEO'
              ) AS "tally_stage"
            ) AS "tally_ranked"
            WHERE "tally_top" <= 2
            ORDER BY "tally_row";

            """)
    }

    @Test func sqliteRefusesMedian() {
        #expect(output("set dialect sqlite\nsql applicants group by unit show median(applications)").errors == """
            dialect sqlite
            error: sqlite has no median, so this query has no sqlite translation
             --> <test>:2:5
              |
            2 | sql applicants group by unit show median(applications)
              |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = help: `set dialect duckdb` (or postgres, spark) translates it with that engine's median

            """)
    }

    /// A column of the data called `rowid` would hide sqlite's and DuckDB's row order (the SQL
    /// gave `2,b` first where tally gives `1,a`), and one called `tally_row` PostgreSQL's: the
    /// translation refuses, unless it does not read the row order.
    @Test func aColumnCalledLikeTheRowColumnIsRefused() {
        let harness = QueryHarness(extra: [
            (name: "rid", csv: "rowid,k,v\n30,1,a\n10,2,b\n20,3,c\n", info: DatasetInfo()),
            (name: "numbered", csv: "tally_row,k\n2,1\n1,2\n", info: DatasetInfo())])
        let refused = harness.run("sql rid show k, v limit 1")
        #expect(refused.outcome == .failure)
        #expect(refused.errors.hasPrefix("error: rid has a column called rowid, which hides the row order this SQL reads"), "\(refused.errors)")
        #expect(harness.run("set dialect sqlite\nsql rid show k").errors.contains("rid has a column called rowid"))
        #expect(harness.run("set dialect postgres\nsql rid show k").outcome == .success)
        #expect(harness.run("set dialect postgres\nsql numbered show k").errors.contains("numbered has a column called tally_row"))
        // Sorted on every group key, the SQL never reads the row order.
        #expect(harness.run("set dialect duckdb\nsql rid group by k show count sort by k").outcome == .success)
    }
}
