using Storyline.Vectors;

namespace Storyline.Stories;

/// <summary>
/// Dense vectors of what a report says (<see cref="TextEmbedder"/>: smooth-inverse-frequency weighted word vectors, the
/// common component removed), made from its story features, so that a report restored from the store gets the same
/// vector as when it arrived. A report's vector is kept as whole numbers (unit length × <see cref="Scale"/>) and a story
/// sums its reports' vectors exactly, so the story's vector does not depend on the order its reports came in.
/// </summary>
internal static class MeaningVectors
{
    /// <summary>A unit vector's numbers are kept as whole multiples of 1 / Scale.</summary>
    public const float Scale = 1 << 15;

    /// <summary>The vector of the report's body words (each counted as often as it occurs); null when none is known.</summary>
    public static int[]? OfBody(StoryFeatures report, TextEmbedder embedder)
    {
        Span<float> sum = stackalloc float[embedder.Dimensions];
        sum.Clear();
        int found = 0;
        foreach (TermCount term in report.Terms)
        {
            if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
            {
                found += embedder.AddWord(term.Term, term.Count, sum);
            }
        }

        return Finish(embedder, sum, found);
    }

    /// <summary>The vector of the report's headline words; null when none is known.</summary>
    public static int[]? OfHead(StoryFeatures report, TextEmbedder embedder)
    {
        Span<float> sum = stackalloc float[embedder.Dimensions];
        sum.Clear();
        int found = 0;
        foreach (string word in report.HeadTerms)
        {
            found += embedder.AddWord(word, 1f, sum);
        }

        return Finish(embedder, sum, found);
    }

    /// <summary>Adds a report's vector to a story's sum (the sum is made on first use).</summary>
    public static void Add(ref long[]? sum, int[]? vector)
    {
        if (vector is null)
        {
            return;
        }

        sum ??= new long[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            sum[i] += vector[i];
        }
    }

    /// <summary>Adds one story's sum to another's.</summary>
    public static void Add(ref long[]? sum, long[]? other)
    {
        if (other is null)
        {
            return;
        }

        sum ??= new long[other.Length];
        for (int i = 0; i < other.Length; i++)
        {
            sum[i] += other[i];
        }
    }

    /// <summary>The cosine of a report's vector and a story's sum; 0 where either is missing.</summary>
    public static double Cosine(int[]? vector, long[]? sum)
    {
        if (vector is null || sum is null)
        {
            return 0;
        }

        double dot = 0, norm = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            dot += (double)vector[i] * sum[i];
            norm += (double)sum[i] * sum[i];
        }

        return norm == 0 ? 0 : dot / (Scale * Math.Sqrt(norm));
    }

    /// <summary>The cosine of two stories' sums; 0 where either is missing or zero.</summary>
    public static double Cosine(long[]? a, long[]? b)
    {
        if (a is null || b is null)
        {
            return 0;
        }

        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    private static int[]? Finish(TextEmbedder embedder, Span<float> sum, int found)
    {
        if (found == 0 || !embedder.Finish(sum))
        {
            return null;
        }

        var vector = new int[sum.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            vector[i] = (int)MathF.Round(sum[i] * Scale);
        }

        return vector;
    }
}
