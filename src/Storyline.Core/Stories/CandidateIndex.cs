namespace Storyline.Stories;

/// <summary>
/// The inverted index over the open stories' terms (words and entities): for a report, the stories sharing one of its
/// heaviest words or entities or a headline word, those sharing the most first. Terms in very many open stories say
/// little and would make the cost grow with the archive, so they are not looked up.
/// </summary>
internal sealed class CandidateIndex(StoryVocabulary vocabulary)
{
    // One slot per term id: the open stories holding the term, and whether the current look-up asked for it already.
    private HashSet<ActiveStory>?[] postings = [];
    private int[] queryMark = [];
    private int queryGeneration;
    private int candidateGeneration;

    /// <summary>Lists <paramref name="story"/> under the terms new to it.</summary>
    public void Add(ActiveStory story, List<int> added)
    {
        vocabulary.Fit(ref postings);
        foreach (int term in added)
        {
            (postings[term] ??= []).Add(story);
        }
    }

    /// <summary>Lists <paramref name="keep"/> wherever <paramref name="gone"/> (merged into it) was listed.</summary>
    public void Replace(ActiveStory gone, ActiveStory keep)
    {
        foreach (int term in gone.IndexTerms)
        {
            HashSet<ActiveStory> stories = postings[term]!;
            stories.Remove(gone);
            stories.Add(keep);
        }
    }

    /// <summary>Takes a closed story out.</summary>
    public void Remove(ActiveStory story)
    {
        foreach (int term in story.IndexTerms)
        {
            HashSet<ActiveStory> stories = postings[term]!;
            stories.Remove(story);
            if (stories.Count == 0)
            {
                postings[term] = null;
            }
        }
    }

    /// <summary>The candidate stories of the report in <paramref name="slots"/>, at most <see cref="ClusteringOptions.MaxCandidates"/>.</summary>
    public List<ActiveStory> Candidates(ReportVector report, ReportSlots slots, ClusteringOptions options)
    {
        vocabulary.Fit(ref queryMark);
        vocabulary.Fit(ref postings);
        int generation = ++candidateGeneration;
        var hit = new List<ActiveStory>();
        int query = ++queryGeneration;
        void Look(int term)
        {
            if (queryMark[term] == query)
            {
                return;
            }

            queryMark[term] = query;
            if (postings[term] is { } stories && stories.Count <= options.MaxPostings)
            {
                foreach (ActiveStory story in stories)
                {
                    if (story.HitMark != generation)
                    {
                        story.HitMark = generation;
                        story.Hits = 0;
                        hit.Add(story);
                    }

                    story.Hits++;
                }
            }
        }

        foreach (int term in slots.Heaviest(report.Words, options.QueryTerms))
        {
            Look(term);
        }

        foreach (int term in slots.Heaviest(report.Entities, options.QueryTerms))
        {
            Look(term);
        }

        foreach (int term in slots.Heaviest(report.Places, options.QueryTerms / 2))
        {
            Look(term);
        }

        foreach (int term in report.Head)
        {
            Look(term);
        }

        hit.Sort(static (a, b) => a.Hits != b.Hits ? b.Hits.CompareTo(a.Hits) : a.Id.Value.CompareTo(b.Id.Value));
        int keep = Math.Max(options.MaxCandidates, 0);
        if (hit.Count > keep)
        {
            hit.RemoveRange(keep, hit.Count - keep);
        }

        return hit;
    }
}
