using System.Collections.Frozen;

namespace Storyline.Time;

/// <summary>What a token can contribute to a time expression.</summary>
internal enum LexKind : byte
{
    None,
    Month,
    Weekday,
    Unit,
    PartOfDay,
    Season,
    Number,
    Ordinal,
    Shift,
    Deictic,
    SetWord,
    Determiner,
    Approx,
    Boundary,
    Ago,
    Decade,
    FullDate,
    Clock,
    NumberUnit,
    OrdinalQuarter,
    Meridiem,
    Every,
    Fiscal,
    Half,
    Zone,
    QuarterName,
    Holiday,
}

/// <summary>Calendar units, in TIMEX3 duration letters (P1Y, P2W, PT48H, P1DE).</summary>
internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// <summary>Words that are times by themselves (see <see cref="LexKind.Deictic"/>).</summary>
internal enum Deictic : byte
{
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Present,
    Past,
    Future,
    YearEarlier,
    Noon,
    Midnight,
}

/// <summary>
/// A token's reading in the time lexicon. <see cref="Value"/> depends on <see cref="Kind"/>: month 1–12, ISO weekday
/// 1–7, a number, a shift direction (−1, 0, +1; 2 for "past", which makes lengths of time), a <see cref="Deictic"/>,
/// a part of day or season index, a packed date yyyymmdd, a clock time hhmm.
/// </summary>
internal readonly record struct Lex(LexKind Kind, int Value = 0, TimeUnit Unit = TimeUnit.None, bool Plural = false)
{
    public static readonly Lex Nothing = default;

    public bool IsNumber => Kind == LexKind.Number;
}

/// <summary>The word list of the time recogniser: months, weekdays, units, shifts, parts of day, seasons.</summary>
internal static class TimeLexicon
{
    /// <summary>TIMEX3 part-of-day codes, indexed by a <see cref="LexKind.PartOfDay"/> value.</summary>
    public static readonly string[] PartsOfDay = ["MO", "MI", "AF", "EV", "NI", "DT"];

    /// <summary>TIMEX3 season codes, indexed by a <see cref="LexKind.Season"/> value.</summary>
    public static readonly string[] Seasons = ["SP", "SU", "FA", "WI"];

    private static readonly FrozenDictionary<string, Lex> Words = Build();

    /// <summary>The dictionary with span look-up, so that classifying a token allocates nothing.</summary>
    public static readonly FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, Lex> Build()
    {
        var d = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        string[][] months =
        [
            ["january", "jan."], ["february", "feb.", "feb"], ["march", "mar."], ["april", "apr.", "apr"], ["may"],
            ["june", "jun.", "jun"], ["july", "jul.", "jul"], ["august", "aug.", "aug"], ["september", "sept.", "sep.", "sept", "sep"],
            ["october", "oct.", "oct"], ["november", "nov.", "nov"], ["december", "dec.", "dec"],
        ];
        for (int m = 0; m < months.Length; m++)
        {
            foreach (string name in months[m])
            {
                d[name] = new Lex(LexKind.Month, m + 1);
            }
        }

        string[][] weekdays =
        [
            ["monday", "mon."], ["tuesday", "tue.", "tues."], ["wednesday", "wed."], ["thursday", "thu.", "thur.", "thurs."],
            ["friday", "fri."], ["saturday", "sat."], ["sunday", "sun."],
        ];
        for (int w = 0; w < weekdays.Length; w++)
        {
            foreach (string name in weekdays[w])
            {
                d[name] = new Lex(LexKind.Weekday, w + 1);
            }
        }

        (string Singular, string Plural, TimeUnit Unit)[] units =
        [
            ("second", "seconds", TimeUnit.Second), ("minute", "minutes", TimeUnit.Minute), ("hour", "hours", TimeUnit.Hour),
            ("day", "days", TimeUnit.Day), ("week", "weeks", TimeUnit.Week), ("weekend", "weekends", TimeUnit.Weekend),
            ("month", "months", TimeUnit.Month), ("quarter", "quarters", TimeUnit.Quarter), ("year", "years", TimeUnit.Year),
            ("decade", "decades", TimeUnit.Decade), ("century", "centuries", TimeUnit.Century),
        ];
        foreach (var (singular, plural, unit) in units)
        {
            d[singular] = new Lex(LexKind.Unit, 1, unit);
            d[plural] = new Lex(LexKind.Unit, 2, unit, Plural: true);
        }

        d["fortnight"] = new Lex(LexKind.Unit, 1, TimeUnit.Week);
        d["hrs"] = new Lex(LexKind.Unit, 2, TimeUnit.Hour, Plural: true);
        d["mins"] = new Lex(LexKind.Unit, 2, TimeUnit.Minute, Plural: true);

        Add(d, LexKind.PartOfDay, ["morning", "midday", "afternoon", "evening", "night", "daytime"]);
        d["mornings"] = new Lex(LexKind.PartOfDay, 0, Plural: true);
        d["nights"] = new Lex(LexKind.PartOfDay, 4, Plural: true);
        Add(d, LexKind.Season, ["spring", "summer", "fall", "winter"]);
        d["autumn"] = new Lex(LexKind.Season, 2);

        foreach (var (word, value) in NumberWords.Cardinals)
        {
            d[word] = new Lex(LexKind.Number, value);
        }

        foreach (var (word, value) in NumberWords.Ordinals)
        {
            d[word] = new Lex(LexKind.Ordinal, value);
        }

        foreach (var (word, shift) in new[] { ("last", -1), ("previous", -1), ("this", 0), ("current", 0), ("next", 1), ("coming", 1), ("following", 1), ("upcoming", 1), ("past", 2), ("recent", -2), ("latest", -3) })
        {
            d[word] = new Lex(LexKind.Shift, shift);
        }

        foreach (var (word, deictic) in new[]
        {
            ("today", Deictic.Today), ("yesterday", Deictic.Yesterday), ("tomorrow", Deictic.Tomorrow), ("tonight", Deictic.Tonight),
            ("now", Deictic.Present), ("currently", Deictic.Present), ("nowadays", Deictic.Present), ("presently", Deictic.Present),
            ("recently", Deictic.Past), ("lately", Deictic.Past), ("soon", Deictic.Future), ("future", Deictic.Future),
            ("year-earlier", Deictic.YearEarlier), ("year-ago", Deictic.YearEarlier), ("noon", Deictic.Noon), ("midnight", Deictic.Midnight),
        })
        {
            d[word] = new Lex(LexKind.Deictic, (int)deictic);
        }

        foreach (var (word, unit) in new[] { ("daily", TimeUnit.Day), ("nightly", TimeUnit.Day), ("weekly", TimeUnit.Week), ("monthly", TimeUnit.Month), ("annually", TimeUnit.Year), ("yearly", TimeUnit.Year), ("hourly", TimeUnit.Hour) })
        {
            d[word] = new Lex(LexKind.SetWord, 1, unit);
        }

        Add(d, LexKind.Determiner, ["the", "a", "an"]);
        Add(d, LexKind.Approx, ["about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "more", "less", "fewer", "least", "up", "just", "barely", "only", "under"]);
        foreach (var (word, value) in new[] { ("early", 1), ("late", 2), ("mid", 3), ("earlier", 4), ("later", 5) })
        {
            d[word] = new Lex(LexKind.Boundary, value);
        }

        foreach (var (word, value) in new[] { ("ago", -1), ("earlier", -1), ("before", -1), ("later", 1), ("hence", 1) })
        {
            d.TryAdd(word, new Lex(LexKind.Ago, value));
        }

        foreach (var (word, value) in new[] { ("a.m.", 0), ("am", 0), ("p.m.", 12), ("pm", 12) })
        {
            d[word] = new Lex(LexKind.Meridiem, value);
        }

        Add(d, LexKind.Every, ["every", "each", "per"]);
        d["fiscal"] = new Lex(LexKind.Fiscal);
        d["half"] = new Lex(LexKind.Half);
        Add(d, LexKind.Zone, ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet"]);
        foreach (var (word, q) in new[] { ("q1", 1), ("q2", 2), ("q3", 3), ("q4", 4) })
        {
            d[word] = new Lex(LexKind.QuarterName, q);
        }

        foreach (var (word, decade) in new[] { ("twenties", 192), ("thirties", 193), ("forties", 194), ("fifties", 195), ("sixties", 196), ("seventies", 197), ("eighties", 198), ("nineties", 199) })
        {
            d[word] = new Lex(LexKind.Decade, decade, TimeUnit.Decade);
        }

        d["christmas"] = new Lex(LexKind.Holiday, 1225);
        d["thanksgiving"] = new Lex(LexKind.Holiday, 1100);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, Lex> d, LexKind kind, string[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            d[words[i]] = new Lex(kind, i);
        }
    }
}
