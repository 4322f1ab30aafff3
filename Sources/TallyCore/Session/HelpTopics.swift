/// The text of `help` and `help TOPIC`: every statement, clause and keyword, each with an
/// example that runs on the bundled datasets.
enum HelpTopics {
    /// One topic: its name, a line of explanation and an example.
    struct Topic {
        let name: String
        let summary: String
        let example: String
    }

    static let topics: [Topic] = statementTopics + ScalarFunction.table.map { function in
        Topic(name: function.id.rawValue, summary: "`\(function.usage)`: \(function.summary)", example: function.example)
    }

    private static let statementTopics: [Topic] = [
        Topic(name: "query", summary: "A query names a dataset, then clauses in any order.",
              example: "applicants where origin = RU group by destination since 2012"),
        Topic(name: "where", summary: "Keep the rows where a condition holds; repeat it to add conditions. Text `=` is exact; a value no row holds (`kind = New`, `kind in (new, apeal)`) gets a warning with the closest value.",
              example: "applicants where origin = RU and kind = new"),
        Topic(name: "having", summary: "Keep the groups whose output columns meet a condition (after grouping).",
              example: "applicants group by destination having applications > 100000"),
        Topic(name: "since", summary: "Keep rows from a year on, using the dataset's time column.",
              example: "applicants where origin = UA since 2014 group by year"),
        Topic(name: "until", summary: "Keep rows up to and including a year.",
              example: "applicants where origin = UA until 2005 group by year"),
        Topic(name: "in", summary: "`in 2017` keeps one year; `x in (a, b)` tests a list of values. After a group by key, show item or sort key, `in 2017` is the time clause; a condition there needs parentheses: `group by (destination in EU)`.",
              example: "applicants where destination in (DE, FR) in 2017 group by destination"),
        Topic(name: "between", summary: "`between 2012 and 2017` keeps those years, both included; `x between a and b` tests a range. After a group by key, show item or sort key, `between 2012 and 2017` is the time clause.",
              example: "applicants where origin = RU between 2012 and 2017 group by year"),
        Topic(name: "group by", summary: "Make one row per distinct key; without show, sums the default measure.",
              example: "applicants group by origin"),
        Topic(name: "show", summary: "Choose the output columns: columns, expressions or aggregates, optionally named with `as`. `show *` is every column, and `show *, expr as name` adds computed ones.",
              example: "decisions group by destination show sum(recognized) as recognized, sum(total) as decided top 5"),
        Topic(name: "sort by", summary: "Order the rows; `desc` for largest first. Missing values sort last.",
              example: "countries sort by eu_joined desc, name limit 5"),
        Topic(name: "top", summary: "Keep the N largest rows by the first aggregate (or the default measure), then show them in the query's order; beside a `sort by` on another number tally warns, since `sort by X desc limit N` keeps the largest by X.",
              example: "applicants in 2017 group by destination top 5"),
        Topic(name: "limit", summary: "Keep the first N rows of the result, in its order.",
              example: "countries limit 3"),
        Topic(name: "count", summary: "`count` counts rows; `count(x)` counts values that are not missing; `count(condition)` counts the rows where the condition holds: `count(applications > 1000)`.",
              example: "countries where eu_joined is not missing show count"),
        Topic(name: "distinct", summary: "`distinct(x)` counts different values.",
              example: "applicants show distinct(destination)"),
        Topic(name: "sum", summary: "`sum(x)` adds values; a bare measure in a grouped show means its sum.",
              example: "applicants in 2017 show sum(applications)"),
        Topic(name: "avg", summary: "`avg(x)` (or `mean`) is the average of the values; a decimal.",
              example: "decisions group by year show avg(total) since 2020"),
        Topic(name: "min", summary: "`min(x)` and `max(x)`: smallest and largest value.",
              example: "applicants show min(year), max(year)"),
        Topic(name: "median", summary: "`median(x)`: the middle value (the mean of the middle two for an even count).",
              example: "applicants in 2017 show median(applications)"),
        Topic(name: "functions", summary: "Scalar functions work on each row (missing in gives missing out): \(ScalarFunction.table.map(\.usage).joined(separator: ", ")). Each is a help topic.",
              example: "countries show name, upper(left(name, 3)) as code limit 3"),
        Topic(name: "dates", summary: "A CSV column of ISO dates (2024-03-15) loads as a date, one of ISO datetimes as a datetime (offsets converted to UTC). A dataset's only date column is its time column: `since`, `until`, `in` and `between` take \"2024\", \"2024-03\" or \"2024-03-15\" as whole periods, and so does a string compared with a date (`day = \"2024-03\"`). Buckets year(), quarter(), month(), week(), day() group in time order; weekday(), month_number(), hour() are parts; date - date is days, date + n a later date.",
              example: "date(\"2024-03-15\") - date(\"2024-01-01\")"),
        Topic(name: "calculator", summary: "A statement that is only an expression, without a dataset, prints its value: numbers, text and functions work; columns need a dataset.",
              example: "round(4884 / 12615 * 100, 1)"),
        Topic(name: "missing", summary: "Empty cells are missing: `x is missing`, `x is not missing`. Comparisons with missing are never true.",
              example: "countries where eu_left is not missing"),
        Topic(name: "contains", summary: "`contains`, `starts with`, `ends with` test text, ignoring case; on a country column they test the code and the country's name and short name (`destination starts with Ge` keeps Georgia and Germany).",
              example: "countries where name contains island show name"),
        Topic(name: "countries", summary: "On country columns, write a country by ISO code, name, alias or a unique prefix: RU, RUS, Russia. Tables and charts show short names (Russia); CSV, TSV, JSON, Markdown and exported files keep the codes; `set names off` shows codes.",
              example: "applicants where origin = Russia and destination = Germany group by year"),
        Topic(name: "let", summary: "Keep a query's result as a new dataset.",
              example: "let ru = applicants where origin = RU"),
        Topic(name: "load", summary: "Load a CSV or TSV file as a dataset: load \"file.csv\" [as NAME] [with time COL, measure COL, countries COL].",
              example: "load \"visits.csv\" as visits with time year, measure visitors, countries country"),
        Topic(name: "export", summary: "Write a result to a file; the format comes from the extension (.csv .tsv .json .md, or .svg for a chart: export QUERY to \"x.svg\" titled \"A title\"). Files keep country codes; charts show names.",
              example: "export applicants where origin = RU group by destination since 2012 to \"ru.csv\""),
        Topic(name: "datasets", summary: "List the datasets with their rows, columns and description.",
              example: "datasets"),
        Topic(name: "describe", summary: "Show a dataset's columns: type, role, missing and distinct values, range; and its source.",
              example: "describe applicants"),
        Topic(name: "explain", summary: "Say in words what a query does, with the rows left after each step.",
              example: "explain applicants where origin = RU group by destination since 2012"),
        Topic(name: "set", summary: "Settings: set format table|csv|tsv|json|markdown; set timer on|off; set rows N (rows printed at the prompt, 40 at first); set width N|auto (the width tables and text fit, e.g. for a projector); set layout table|vertical (vertical: one `column: value` block per row); set names on|off (countries by short name or by code in tables and charts).",
              example: "set timer off"),
        Topic(name: "cite", summary: "Print a citation for a dataset.",
              example: "cite applicants"),
        Topic(name: "quit", summary: "Leave tally (also `exit`, or Ctrl-D); `quit` alone on a `...>` line leaves too.",
              example: "datasets"),
        Topic(name: "prompt", summary: "At the prompt a line that starts with a clause word (where, group by, since, top, …) refines the last query: tally prints the whole query it now runs, then its result. A clause that may come once (group by, show, sort by, top, limit, having, change, chart) replaces the earlier one; where and the time clauses add to them. A statement word (explain, let, check, export, sql) is kept. A pasted block runs as a script: clause lines continue the statement above, each result shows once. An unfinished line continues with `...>` and what it waits for; Ctrl-C drops it.",
              example: "applicants where origin = RU group by year"),
        Topic(name: "run", summary: "`run \"file.tally\"` runs a script's statements, printing each before its result, and stops at the first error. In a script, the path is taken from the script's folder.",
              example: "datasets"),
        Topic(name: "drop", summary: "`drop NAME` removes a dataset: a let, a loaded one, or a bundled one (which `reset` brings back).",
              example: "datasets"),
        Topic(name: "reset", summary: "`reset` puts the session back as it started: the datasets (lets and loads gone, bundled ones back), the settings, no last query to refine.",
              example: "datasets"),
        Topic(name: "record", summary: "`record \"file.tally\"` writes a transcript: each statement with its result under it as comments (a refining line as the whole query it ran; a failed statement as comments only). `record off` stops. Replay it with `run \"file.tally\"`.",
              example: "datasets"),
        Topic(name: "share", summary: "`share` is the first aggregate as a percent of its total over all groups that passed the filters (38.72 means 38.72%), computed before `having`, `top` and `limit`.",
              example: "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination show applications, share top 5"),
        Topic(name: "rank", summary: "`rank` is each group's position by the first aggregate, largest first; ties share a rank (1, 2, 2, 4).",
              example: "applicants where origin = RU in 2017 group by destination show applications, rank top 5"),
        Topic(name: "change", summary: "`change from Y1 to Y2` compares two years per group: the value in each, the change, the change in percent of the first year, and each group's part of the overall change (contribution_pct); on a date time column, the days of each year.",
              example: "applicants where origin = RU and destination = US and kind = new and unit = cases change from 2012 to 2017"),
        Topic(name: "across", summary: "`across KEY` spreads a key's values into columns: one row per group, one column per value (years and date buckets such as month(day) in time order, other values by their total, largest first), each cell the first aggregate (empty where a group has no rows, never 0), then a `total` column. Rows go by total, largest first; `top` and `limit` count rows; `sort by` and `having` read the row keys and total. `show share` gives each cell as a percent of its column's total; `chart` draws a sparkline per row, and an .svg export a line per row (the first 10). At most 50 columns.",
              example: "applicants where origin = RU and kind = new and unit = persons since 2014 until 2018 group by destination across year top 5"),
        Topic(name: "previous", summary: "`previous` (an item) is the first aggregate in the previous period of the same series: the year (or quarter, month, week, day) before, in time, not the row above. When that period has no rows it is missing, and a note names the gap. Needs the time column or a date bucket such as month(day) among the group keys; the other keys make the series.",
              example: "applicants where origin = RU and destination = US and kind = new and unit = cases since 2012 until 2017 group by year show applications, previous"),
        Topic(name: "growth", summary: "`growth` (an item) is the percent change of the first aggregate from the previous period (`(value − previous) / |previous| × 100`): missing after a gap or from 0, with a warning when the base is under 100.",
              example: "applicants where origin = RU and destination = US and kind = new and unit = cases since 2012 until 2017 group by year show applications, growth"),
        Topic(name: "cumulative", summary: "`cumulative` (an item) is the running total of the first aggregate in time order, within each series.",
              example: "applicants where origin = RU and destination = US and kind = new and unit = cases since 2012 until 2017 group by year show applications, cumulative"),
        Topic(name: "moving average", summary: "`moving_avg(N)` (an item) is the mean of the first aggregate over this period and the N − 1 before it that have rows; missing until a series has N. When a window spans a gap it averages periods further apart, and tally warns.",
              example: "applicants where origin = RU and kind = new and unit = persons group by year show applications, moving_avg(3) since 2010 until 2024"),
        Topic(name: "eu", summary: "`x in EU` keeps countries that were EU members in the row's year; `x in \"Western Europe\"` keeps a region or subregion.",
              example: "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination top 5"),
        Topic(name: "attributes", summary: "On a country column, `COL.name`, `COL.iso2`, `COL.region` and `COL.subregion` read the country's row of countries, and `COL.population` its population in the row's year (missing where the population table has none). They work in every clause; outside an aggregate in a grouped query when every group has one value (else an error names a group where it varies).",
              example: "applicants where origin = RU in 2017 group by destination.region"),
        Topic(name: "per capita", summary: "Divide by `COL.population` for a rate per resident, e.g. `applications / destination.population * 100000 as per_100k`. A country without a population figure in that year gets a missing rate, never 0, and tally names it; under 100,000 residents a handful of people make a large rate, so tally warns. A sum of `COL.population` adds a country's population once for each of its rows, so tally warns when a country is on several rows of one year: group by the country first in a parenthesised query, then sum. For one country and year, no `group by` is needed: `… and destination = DE in 2017 show sum(applications) / destination.population * 100000`. Counts in cases and in persons still differ (see mixed units).",
              example: "applicants where origin = RU and kind = new and destination in EU in 2017 group by destination show applications, applications / destination.population * 100000 as per_100k sort by per_100k desc"),
        Topic(name: "lookup", summary: "`lookup OTHER [as NAME] on KEY {, KEY}` gives every row the matching row of another dataset (a left join): KEY is `col` (the same name on both sides) or `col = other_col`. Every row is kept once; the other side's key must be unique (else an error shows a key it repeats: aggregate it first in parentheses). Rows without a match get missing values and a caveat counts them. A row of OTHER that several rows look up is counted once for each of them by `sum(population)`; tally warns, and `population` without an aggregate (one value per group when grouping by the keys) is what you mean. Lookups happen before `where`; OTHER may be a dataset, a let name or a parenthesised query. Its columns join the row and can be qualified (`all_origins.applications`); in a grouped query a looked-up column may stand outside an aggregate when each group has one value. Country keys match by resolved code (RU matches RUS).",
              example: "applicants where origin = RU and kind = new in 2017 group by destination lookup (destination_totals where kind = new in 2017 group by destination) as all_origins on destination show applications, applications / all_origins.applications * 100 as pct_of_all top 5"),
        Topic(name: "join", summary: "`join OTHER [as NAME] on KEY {, KEY}` pairs every row with every matching row of another dataset (an inner join): rows without a match on either side are dropped (`explain` counts them). When a row matches several rows, a sum counts it once per match: tally warns with the number of rows counted more than once (the fan-out trap). Aggregate the other side first in parentheses, or use `lookup` when it has one row per key.",
              example: "applicants where origin = RU in 2017 join decisions on origin, destination, year group by destination show applications, sum(total) top 5"),
        Topic(name: "check", summary: "`check QUERY is NUMBER[%] [within P%]` compares a claimed figure with the query's value: true (equal at the claim's precision), roughly (within P%, 5% by default) or false. A claim with % is checked against the first percent item (share, change_pct) when there is one, otherwise the first aggregate of the first row; the verdict says which (`share of DEU, row 1`). With --strict, anything but true fails the script.",
              example: "check applicants where origin = RU and destination = US and kind = new and unit = cases change from 2012 to 2017 is 268%"),
        Topic(name: "chart", summary: "`chart` draws bars beside the numbers (negative values to the left of an axis) and a sparkline for a time series; `export QUERY to \"file.svg\"` writes an SVG chart.",
              example: "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination top 8 chart"),
        Topic(name: "caveats", summary: "Under a result, tally warns when the data call for care: mixed units, mixed categories, incomplete year, small base, missing years, missing groups, populations that are missing, under 100,000 or summed over several rows of one country (per capita), rows a lookup found no match for or a sum counts once per row that looked them up (lookup) and rows a join counted more than once (join) (each is a help topic).",
              example: "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination top 3"),
        Topic(name: "mixed units", summary: "Some figures count persons and others cases (one case can cover a family). A sum over both adds unlike things; tally warns when the rows it added hold more than one unit. Group by unit to see them apart, or keep one unit with where.",
              example: "applicants where origin = RU and destination in EU and kind = new in 2017 group by unit"),
        Topic(name: "mixed categories", summary: "Some columns split a count into stages that can count one person more than once: in applicants, `kind` is new (a first application), repeat, appeal or other, so one person who applies, appeals and applies again is counted three times. A sum over several kinds is a count of applications, not of people; tally warns when the rows it added hold more than one kind. Group by kind to see them apart, or keep one with where kind = new.",
              example: "applicants where origin = RU and destination = US change from 2012 to 2017"),
        Topic(name: "and or", summary: "`and` binds tighter than `or`: `a or b and c` means `a or (b and c)`. A condition that mixes them without parentheses gets a warning showing how it was read; write the parentheses you mean, e.g. `(origin = RU or origin = UA) and kind = new`.",
              example: "applicants where (origin = RU or origin = UA) and kind = new in 2017 group by origin"),
        Topic(name: "incomplete year", summary: "The latest year of the bundled data is incomplete in the source: it covers part of the year, so it looks like a fall when it is not. Compare whole years, e.g. with until.",
              example: "applicants where origin = UA group by year since 2020 until 2024"),
        Topic(name: "partial periods", summary: "When rows of a dated dataset start after the first day of their first month (or quarter, week, year) or end before the last day of their last, that period's total covers fewer days than the others and looks like a fall or a rise. tally names such a period; compare whole periods with since and until (`until \"2024-06\"`), or count the days a period covers.",
              example: "date(\"2024-07-18\") - date(\"2024-07-01\") + 1"),
        Topic(name: "small base", summary: "A percent change from a small number is large and unstable: from 6 to 30 is +400% though only 24 more. Below a base of 100 tally warns; read the change itself beside the percent.",
              example: "applicants where origin = RU and destination = PT and kind = new change from 2012 to 2017"),
        Topic(name: "missing years", summary: "A year (or a month, week or day of a date bucket) without rows in a time series is not a zero: nothing was reported. A line or sparkline drawn across the gap hides it, so tally names the missing periods.",
              example: "applicants where origin = RU and destination = US and kind = new group by year, unit since 2008"),
        Topic(name: "missing groups", summary: "In change from Y1 to Y2, a group with no rows in one year shows an empty cell, not 0; its change is missing too, so the contributions of the other groups no longer add up to 100.",
              example: "applicants where origin = RU and destination in EU and kind = new group by destination change from 2012 to 2017"),
    ]

    /// The overview, or the topic asked for (an error with a suggestion if there is none).
    static func text(for topic: String?, at span: SourceSpan) throws(Diagnostic) -> String {
        guard let topic, !topic.isEmpty else { return overview }
        // Spaces and hyphens are read alike (`group-by`, `date - date`), in the topic asked for and in the topics' names.
        let words = { (text: String) in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ") }
        let wanted = words(topic)
        let aliases = ["units": "mixed units", "and": "and or", "or": "and or", "precedence": "and or", "categories": "mixed categories", "category": "mixed categories", "kinds": "mixed categories", "kind": "mixed categories", "unit": "mixed units", "incomplete": "incomplete year", "base": "small base",
                       "caveat": "caveats", "in eu": "eu", "region": "eu", "strict": "check", "svg": "chart",
                       "change missing group": "missing groups", "contribution": "change", "select": "show", "order by": "sort by", "sort": "sort by", "group": "group by", "max": "min",
                       "mean": "avg", "attribute": "attributes", "population": "per capita", "per resident": "per capita", "rate": "per capita",
                       "per 100000": "per capita", "percapita": "per capita", "left join": "lookup", "inner join": "join", "fan out": "join", "fanout": "join", "unmatched": "lookup", "denominator": "per capita",
                       "exit": "quit", "crosstab": "across", "pivot": "across", "moving avg": "moving average", "moving_avg": "moving average", "window": "previous", "windows": "previous", "lag": "previous", "running total": "cumulative", "year over year": "growth", "refine": "prompt", "paste": "prompt", "continuation": "prompt", "is": "missing", "starts with": "contains", "ends with": "contains",
                       "function": "functions", "concat": "||", "join text": "||", "calculate": "calculator", "calculation": "calculator",
                       "ceiling": "ceil", "len": "length", "time": "dates", "datetime": "dates", "periods": "dates", "buckets": "dates",
                       "partial": "partial periods", "partial period": "partial periods", "partial month": "partial periods", "missing periods": "missing years", "missing days": "missing years", "missing months": "missing years", "substr": "left", "ifnull": "coalesce", "case": "if", "cast": "number"]
        let name = aliases[wanted] ?? wanted
        guard let found = topics.first(where: { words($0.name) == name }) else {
            throw .error("unknown-help-topic", "no help on '\(topic)'", at: span,
                         label: Suggestion.closest(to: wanted, among: topics.map(\.name)).map { "did you mean 'help \($0)'?" },
                         help: ["topics: " + topics.map(\.name).joined(separator: ", ")])
        }
        return "\(found.name): \(found.summary)\n  example: \(found.example)\n"
    }

    static var overview: String {
        """
        tally answers questions about tables. A query names a dataset, then clauses in any order:
          applicants where origin = RU group by destination since 2012
        clauses: where, having, since, until, in YEAR, between Y1 and Y2, group by, show, sort by, top, limit, change from Y1 to Y2, chart, across KEY, lookup OTHER on KEY, join OTHER on KEY
        statements: datasets, describe NAME, explain QUERY, let NAME = QUERY, load "file.csv", export QUERY to "file.csv", check QUERY is NUMBER[%], set format|timer|rows|width|layout|names, cite NAME, run "file.tally", drop NAME, reset, record "file.tally"|off, help TOPIC, quit
        at the prompt, a line starting with a clause word refines the last query (help prompt)
        topics: \(topics.map(\.name).joined(separator: ", "))

        """
    }
}
