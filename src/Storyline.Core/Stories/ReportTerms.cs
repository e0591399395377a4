namespace Storyline.Stories;

/// <summary>A report's term ids: of its terms (in order), of its headline words, places, people and dates.</summary>
internal readonly struct ReportTerms
{
    private readonly bool[] entity;

    public ReportTerms(StoryFeatures report, StoryVocabulary vocabulary)
    {
        Terms = new int[report.Terms.Length];
        entity = new bool[report.Terms.Length];
        for (int i = 0; i < Terms.Length; i++)
        {
            string term = report.Terms[i].Term;
            Terms[i] = vocabulary.Id(term);
            entity[i] = term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal);
        }

        Head = new int[report.HeadTerms.Length];
        for (int i = 0; i < Head.Length; i++)
        {
            Head[i] = vocabulary.Id(report.HeadTerms[i]);
        }

        Places = new int[report.PlaceTerms.Length];
        for (int i = 0; i < Places.Length; i++)
        {
            Places[i] = vocabulary.Id(report.PlaceTerms[i]);
        }

        People = new int[report.PeopleTerms.Length];
        for (int i = 0; i < People.Length; i++)
        {
            People[i] = vocabulary.Id(report.PeopleTerms[i]);
        }

        Numbers = new int[report.NumberTerms.Length];
        for (int i = 0; i < Numbers.Length; i++)
        {
            Numbers[i] = vocabulary.Id(NumberPrefix + report.NumberTerms[i]);
        }

        Dates = new int[report.DateTerms.Length];
        for (int i = 0; i < Dates.Length; i++)
        {
            Dates[i] = vocabulary.Id(DatePrefix + report.DateTerms[i]);
        }
    }

    /// <summary>Prefix of date terms in the vocabulary (they are not words: no document frequency, no postings).</summary>
    public const string DatePrefix = "#";

    /// <summary>Prefix of number terms in the vocabulary (not words either).</summary>
    public const string NumberPrefix = "%";

    public int[] Terms { get; }

    public int[] Head { get; }

    public int[] Places { get; }

    public int[] People { get; }

    /// <summary>The dates the report mentions (<see cref="StoryFeatures.DateTerms"/>), as ids of "#" + the date.</summary>
    public int[] Dates { get; }

    /// <summary>The numbers the report gives (<see cref="StoryFeatures.NumberTerms"/>), as ids of "%" + the number.</summary>
    public int[] Numbers { get; }

    /// <summary>Whether term i is an entity term (by its prefix).</summary>
    public bool IsEntity(int i) => entity[i];
}
