namespace Storyline.Stories;

/// <summary>A report's term ids: of its terms (in order), of its headline words and of its places.</summary>
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
    }

    public int[] Terms { get; }

    public int[] Head { get; }

    public int[] Places { get; }

    /// <summary>Whether term i is an entity term (by its prefix).</summary>
    public bool IsEntity(int i) => entity[i];
}
