using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>A report of an open story, as the index of near-copies holds it.</summary>
internal sealed class StoryMember(ArticleId id, DateOnly published, ImmutableArray<uint> signature)
{
    public ArticleId Id { get; } = id;

    public DateOnly Published { get; } = published;

    /// <summary>Whether the report is in the index still (it leaves when its story closes or it falls out of the window).</summary>
    public bool Indexed { get; set; } = true;

    public ImmutableArray<uint> Signature { get; } = signature;

    public required ActiveStory Story { get; set; }
}

/// <summary>
/// The locality-sensitive index of the open stories' reports by the bands of their MinHash signatures: a report that
/// shares a band with an earlier one and whose estimated shingle Jaccard similarity to it reaches the threshold is a
/// near-copy of it (a syndicated or republished version). It holds the reports of the window only, by their own dates:
/// a story that stays open for years keeps its old reports out of the index, so that the look-up costs the same however
/// long the open stories have run.
/// </summary>
internal sealed class CopyIndex
{
    // A set per band: a band of stock phrases holds thousands of reports, and taking one out of a list was a scan of
    // them all. Which original is found does not depend on the order a band is read in (ties break by id).
    private readonly Dictionary<ulong, HashSet<StoryMember>> bands = [];
    private readonly PriorityQueue<StoryMember, int> byDay = new();

    /// <summary>The earlier report <paramref name="report"/> copies (the most similar, ties by id), or null.</summary>
    public (StoryMember Original, double Jaccard)? FindOriginal(StoryFeatures report, ClusteringOptions options)
    {
        if (report.Signature.Length != MinHash.Size)
        {
            return null;
        }

        StoryMember? best = null;
        double bestSimilarity = 0;
        for (int band = 0; band < MinHash.Bands; band++)
        {
            // A band shared by very many reports is made of stock phrases ("said on Monday"), not of a copied text; a
            // real copy shares many other bands. Skipping it keeps the cost flat as the archive grows.
            if (!bands.TryGetValue(MinHash.BandKey(report.Signature, band), out HashSet<StoryMember>? members) || members.Count > options.MaxCopyBucket)
            {
                continue;
            }

            foreach (StoryMember member in members)
            {
                double similarity = MinHash.Similarity(report.Signature, member.Signature);
                if (similarity >= options.CopyThreshold
                    && (similarity > bestSimilarity || (similarity == bestSimilarity && member.Id.CompareTo(best!.Id) < 0)))
                {
                    best = member;
                    bestSimilarity = similarity;
                }
            }
        }

        return best is null ? null : (best, bestSimilarity);
    }

    /// <summary>Indexes a report that joined <paramref name="story"/>; one without a signature is not indexed.</summary>
    public void Add(StoryFeatures report, ActiveStory story)
    {
        if (report.Signature.Length != MinHash.Size)
        {
            return;
        }

        var member = new StoryMember(report.Id, report.Published, report.Signature) { Story = story };
        story.Members.Add(member);
        byDay.Enqueue(member, report.Published.DayNumber);
        for (int band = 0; band < MinHash.Bands; band++)
        {
            ulong key = MinHash.BandKey(report.Signature, band);
            if (!bands.TryGetValue(key, out HashSet<StoryMember>? members))
            {
                members = [];
                bands[key] = members;
            }

            members.Add(member);
        }
    }

    /// <summary>Takes the reports of a closed story out.</summary>
    public void Remove(ActiveStory story)
    {
        foreach (StoryMember member in story.Members)
        {
            Unindex(member);
        }

        story.Members.Clear();
    }

    /// <summary>Takes out the reports published more than <paramref name="windowDays"/> days before <paramref name="now"/>.</summary>
    public void Expire(DateOnly now, int windowDays)
    {
        while (byDay.TryPeek(out StoryMember? member, out int day) && now.DayNumber - day > windowDays)
        {
            byDay.Dequeue();
            Unindex(member);
        }
    }

    private void Unindex(StoryMember member)
    {
        if (!member.Indexed)
        {
            return;
        }

        member.Indexed = false;
        for (int band = 0; band < MinHash.Bands; band++)
        {
            ulong key = MinHash.BandKey(member.Signature, band);
            HashSet<StoryMember> members = bands[key];
            members.Remove(member);
            if (members.Count == 0)
            {
                bands.Remove(key);
            }
        }
    }
}
