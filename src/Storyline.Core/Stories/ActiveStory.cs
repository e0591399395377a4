using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>Which of a story's names: people and organisations (all but places), places, or people alone.</summary>
internal enum NameKind
{
    Actors,
    Places,
    People,

    /// <summary>Places that are not countries.</summary>
    Towns,
}

/// <summary>A report of a story as its title is chosen from: when, its dense vector, and its headline.</summary>
internal sealed record StoryReport(ArticleId Id, DateOnly Published, int[]? Meaning, string Headline);

/// <summary>
/// An open story as the clusterer holds it: the sums of its reports' word, entity and headline terms, its heaviest
/// terms (kept up to date as reports join), its places and names, and its members for the near-copy index.
/// </summary>
internal sealed class ActiveStory(StoryId id, string? title, StoryVocabulary vocabulary, int maxWords)
{
    private readonly Dictionary<int, long> words = [];
    private readonly Dictionary<int, long> entities = [];
    private readonly Dictionary<int, long> head = [];
    private readonly Dictionary<int, int> entityMentions = [];
    private readonly Dictionary<int, (string Name, int LastWord)> entityNames = [];
    private TopTerm[]? topWords;
    private TopTerm[]? topEntities;
    private TopTerm[]? topHead;
    private TopTerm[]? keyNamesOf;
    private KeyName[] keyActors = [], keyPlaces = [], keyPeople = [], keyTowns = [];
    private readonly Dictionary<int, int> dates = [];
    private readonly HashSet<int> numbers = [];
    private long[]? bodySum;
    private long[]? headSum;
    private TopTerm[]? placesOf;
    private bool[] topPlaces = [];
    private List<StoryReport> reports = [];

    public StoryId Id { get; } = id;

    /// <summary>Set once the story has three reports, so that the title stays stable as reports arrive.</summary>
    public string? Title { get; set; } = title;

    public DateOnly LastReport { get; set; } = DateOnly.MinValue;

    public int ReportCount { get; private set; }

    public HashSet<int> Places { get; } = [];

    public HashSet<int> People { get; } = [];

    /// <summary>
    /// The story's reports (copies left out) with what a title is made of, oldest first (reports of one day in the order
    /// they joined), so that the title reads only the latest days however long the story has run.
    /// </summary>
    public IReadOnlyList<StoryReport> Reports => reports;

    /// <summary>The latest publication date of a report with a headline; <see cref="DateOnly.MinValue"/> when none has one.</summary>
    public DateOnly LatestHeadline { get; private set; } = DateOnly.MinValue;

    /// <summary>The sum of its reports' body vectors (see <see cref="MeaningVectors"/>); null when none had one.</summary>
    public long[]? BodyMeaning => bodySum;

    /// <summary>The sum of its reports' headline vectors.</summary>
    public long[]? HeadMeaning => headSum;

    /// <summary>For each date term its reports mentioned, how many did.</summary>
    public IReadOnlyDictionary<int, int> Dates => dates;

    /// <summary>The number terms its reports gave.</summary>
    public IReadOnlySet<int> Numbers => numbers;

    public List<StoryMember> Members { get; } = [];

    /// <summary>Candidate look-up of the report being assigned: its generation and the story's hits in it.</summary>
    public int HitMark { get; set; }

    public int Hits { get; set; }

    /// <summary>The terms the candidate index lists this story under.</summary>
    public IEnumerable<int> IndexTerms => words.Keys.Concat(entities.Keys);

    /// <summary>The summed words (thousandths), by term.</summary>
    public IReadOnlyDictionary<int, long> Words => words;

    /// <summary>The summed headline words (counts), by term.</summary>
    public IReadOnlyDictionary<int, long> HeadWords => head;

    /// <summary>Mentions of each entity term across the story.</summary>
    public IReadOnlyDictionary<int, int> EntityMentions => entityMentions;

    /// <summary>The display name of each entity term (the fullest seen) and the id of its last word.</summary>
    public IReadOnlyDictionary<int, (string Name, int LastWord)> EntityNames => entityNames;

    public StoryVocabulary Vocabulary => vocabulary;

    /// <summary>Whether the story has named <paramref name="term"/> (an entity term).</summary>
    public bool Names(int term) => entities.ContainsKey(term);

    /// <summary>
    /// The story's heaviest names of one kind (at most <see cref="TermSums.KeyNameCount"/>), heaviest first, with their
    /// last words. Asked for every candidate of every report, so kept until the top entities change (every Add and Absorb).
    /// </summary>
    public KeyName[] KeyNames(NameKind kind)
    {
        TopTerm[] top = TopEntities();
        if (!ReferenceEquals(keyNamesOf, top))
        {
            keyActors = Key(top.Where(e => !Places.Contains(e.Term)));
            keyPlaces = Key(top.Where(e => Places.Contains(e.Term)));
            keyPeople = Key(top.Where(e => People.Contains(e.Term) && !Places.Contains(e.Term)));
            keyTowns = Key(top.Where(e => Places.Contains(e.Term) && !TermSums.IsCountry(vocabulary[e.Term])));
            keyNamesOf = top;
        }

        return kind switch
        {
            NameKind.Places => keyPlaces,
            NameKind.People => keyPeople,
            NameKind.Towns => keyTowns,
            _ => keyActors,
        };
    }

    /// <summary>Whether each of <see cref="TopEntities"/> is a place; kept, as the key names are, until the top changes.</summary>
    public bool[] TopEntityPlaces()
    {
        TopTerm[] top = TopEntities();
        if (!ReferenceEquals(placesOf, top))
        {
            topPlaces = new bool[top.Length];
            for (int i = 0; i < top.Length; i++)
            {
                topPlaces[i] = Places.Contains(top[i].Term);
            }

            placesOf = top;
        }

        return topPlaces;
    }

    /// <summary>Whether a report of the story used word <paramref name="word"/> (-1: none).</summary>
    public bool UsedWord(int word) => word >= 0 && words.ContainsKey(word);

    /// <summary>Adds a report's terms and its dense vectors; returns the terms new to the story.</summary>
    public List<int> Add(StoryFeatures report, ReportTerms ids, int[]? body, int[]? headline)
    {
        ReportCount++;
        Insert(new StoryReport(report.Id, report.Published, body, report.Headline));
        MeaningVectors.Add(ref bodySum, body);
        MeaningVectors.Add(ref headSum, headline);
        People.UnionWith(ids.People);
        numbers.UnionWith(ids.Numbers);
        foreach (int date in ids.Dates)
        {
            dates[date] = dates.GetValueOrDefault(date) + 1;
        }

        if (report.Published > LastReport)
        {
            LastReport = report.Published;
        }

        var added = new List<int>();
        var changedWords = new List<int>(ids.Terms.Length);
        var changedEntities = new List<int>();
        ImmutableArray<TermCount> terms = report.Terms;
        for (int i = 0; i < terms.Length; i++)
        {
            int term = ids.Terms[i];
            int count = terms[i].Count;
            bool entity = ids.IsEntity(i);
            Dictionary<int, long> sums = entity ? entities : words;
            ref long sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, term, out bool exists);
            if (!exists)
            {
                added.Add(term);
            }

            sum += TermSums.Quantize(count);
            if (entity)
            {
                entityMentions[term] = entityMentions.GetValueOrDefault(term) + count;
                changedEntities.Add(term);
            }
            else
            {
                changedWords.Add(term);
            }
        }

        foreach (int term in ids.Head)
        {
            head[term] = head.GetValueOrDefault(term) + 1;
        }

        Places.UnionWith(ids.Places);
        foreach ((string term, string name) in report.EntityNames)
        {
            Name(vocabulary.Id(term), name);
        }

        // Sums only grow here, so the new top terms are among the old top terms and the report's own: updating from
        // those gives exactly the top of the whole story, without sorting all its terms at each report.
        topWords = Update(topWords, words, changedWords, maxWords);
        topEntities = Update(topEntities, entities, changedEntities, TermSums.MaxStoryEntities);
        topHead = Update(topHead, head, ids.Head, TermSums.MaxStoryHeadTerms);
        return added;
    }

    /// <summary>Takes in every report of <paramref name="other"/>, which is merged into this story.</summary>
    public void Absorb(ActiveStory other)
    {
        ReportCount += other.ReportCount;
        if (other.LastReport > LastReport)
        {
            LastReport = other.LastReport;
        }

        Sum(words, other.words);
        Sum(entities, other.entities);
        Sum(head, other.head);
        MeaningVectors.Add(ref bodySum, other.bodySum);
        MeaningVectors.Add(ref headSum, other.headSum);
        reports = MergeByDate(reports, other.reports);
        if (other.LatestHeadline > LatestHeadline)
        {
            LatestHeadline = other.LatestHeadline;
        }
        People.UnionWith(other.People);
        numbers.UnionWith(other.numbers);
        foreach ((int date, int count) in other.dates)
        {
            dates[date] = dates.GetValueOrDefault(date) + count;
        }

        foreach ((int term, int count) in other.entityMentions)
        {
            entityMentions[term] = entityMentions.GetValueOrDefault(term) + count;
        }

        foreach ((int term, (string name, _)) in other.entityNames)
        {
            Name(term, name);
        }

        Places.UnionWith(other.Places);
        foreach (StoryMember member in other.Members)
        {
            member.Story = this;
            Members.Add(member);
        }

        topWords = topEntities = topHead = null;
    }

    public TopTerm[] TopWords() => topWords ??= Top(words, maxWords);

    public TopTerm[] TopEntities() => topEntities ??= Top(entities, TermSums.MaxStoryEntities);

    public TopTerm[] TopHead() => topHead ??= Top(head, TermSums.MaxStoryHeadTerms);

    private int LastWordOf(int term) => entityNames.TryGetValue(term, out var known) ? known.LastWord : -1;

    private KeyName[] Key(IEnumerable<TopTerm> names) =>
        [.. names.Take(TermSums.KeyNameCount).Select(e => new KeyName(e.Term, e.Sum, LastWordOf(e.Term)))];

    // The fullest name wins; between names of one length, the first in ordinal order, whatever the arrival order. The
    // name's last word gets an id now (a word no report used yet may come later).
    private void Name(int term, string name)
    {
        if (!entityNames.TryGetValue(term, out var known) || name.Length > known.Name.Length
            || (name.Length == known.Name.Length && string.CompareOrdinal(name, known.Name) < 0))
        {
            entityNames[term] = (name, TermSums.LastWord(name) is string word ? vocabulary.Id(word) : -1);
        }
    }

    // Reports arrive in date order, so a report nearly always goes at the end; one that comes late goes after the
    // reports of its day and before later ones.
    private void Insert(StoryReport report)
    {
        if (report.Headline.Length > 0 && report.Published > LatestHeadline)
        {
            LatestHeadline = report.Published;
        }

        int at = reports.Count;
        while (at > 0 && reports[at - 1].Published > report.Published)
        {
            at--;
        }

        reports.Insert(at, report);
    }

    // The two stories' reports in date order; within a day, this story's first.
    private static List<StoryReport> MergeByDate(List<StoryReport> first, List<StoryReport> second)
    {
        var merged = new List<StoryReport>(first.Count + second.Count);
        int a = 0, b = 0;
        while (a < first.Count || b < second.Count)
        {
            merged.Add(b == second.Count || (a < first.Count && first[a].Published <= second[b].Published) ? first[a++] : second[b++]);
        }

        return merged;
    }

    private static void Sum(Dictionary<int, long> into, Dictionary<int, long> from)
    {
        foreach ((int term, long value) in from)
        {
            into[term] = into.GetValueOrDefault(term) + value;
        }
    }

    // The new top of the story from the old top and the report's terms: the old top's unchanged terms are still in
    // order; the changed ones are sorted and merged in. A changed term that was not in a full top and ranks after its
    // last term cannot get in (every term of the old top only grew), so it is passed over without sorting.
    private TopTerm[]? Update(TopTerm[]? top, Dictionary<int, long> sums, IReadOnlyList<int> changed, int max)
    {
        if (top is null)
        {
            return null;
        }

        int inTop = vocabulary.NewMark(), inChanged = vocabulary.NewMark();
        foreach (TopTerm term in top)
        {
            vocabulary.Mark(term.Term, inTop);
        }

        bool full = top.Length >= max;
        TopTerm last = top.Length > 0 ? top[^1] : default;
        var moved = new List<TopTerm>();
        foreach (int term in changed)
        {
            int mark = vocabulary.MarkOf(term);
            if (mark == inChanged)
            {
                continue;
            }

            var now = new TopTerm(term, sums[term]);
            if (mark == inTop || !full || TermSums.HeavierFirst(now, last, vocabulary) < 0)
            {
                moved.Add(now);
                vocabulary.Mark(term, inChanged);
            }
        }

        StoryVocabulary terms = vocabulary;
        moved.Sort((a, b) => TermSums.HeavierFirst(a, b, terms));
        var merged = new TopTerm[Math.Min(max, top.Length + moved.Count)];
        int n = 0, t = 0, m = 0;
        while (n < merged.Length)
        {
            while (t < top.Length && vocabulary.MarkOf(top[t].Term) == inChanged)
            {
                t++;
            }

            if (t < top.Length && (m == moved.Count || TermSums.HeavierFirst(top[t], moved[m], vocabulary) < 0))
            {
                merged[n++] = top[t++];
            }
            else if (m < moved.Count)
            {
                merged[n++] = moved[m++];
            }
            else
            {
                break;
            }
        }

        return n == merged.Length ? merged : merged[..n];
    }

    private TopTerm[] Top(Dictionary<int, long> sums, int max)
    {
        var all = new TopTerm[sums.Count];
        int n = 0;
        foreach ((int term, long sum) in sums)
        {
            all[n++] = new TopTerm(term, sum);
        }

        StoryVocabulary terms = vocabulary;
        Array.Sort(all, (a, b) => TermSums.HeavierFirst(a, b, terms));
        return all.Length <= max ? all : all[..max];
    }
}
