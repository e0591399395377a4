using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Evaluation.Ner;

/// <summary>
/// Spherical k-means (cosine similarity to unit-length centroids) over unit-length vectors, optionally weighted.
/// Deterministic for a seed: the first centroids are a seeded sample of the points, each point's assignment depends
/// only on the centroids, and sums are added in point order, whatever the number of threads.
/// </summary>
public static class SphericalKMeans
{
    /// <summary>
    /// Clusters <paramref name="count"/> vectors of <paramref name="dimensions"/> floats (row-major, each of unit
    /// length or zero) into <paramref name="k"/> clusters; returns each point's cluster and the unit centroids.
    /// </summary>
    /// <param name="points">The vectors, row-major.</param>
    /// <param name="count">Number of vectors.</param>
    /// <param name="dimensions">Floats per vector.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="seed">Seed of the first centroids.</param>
    /// <param name="weights">A weight per point (null: 1 each), for clustering centroids by their sizes.</param>
    /// <param name="maxIterations">At most this many assignment rounds.</param>
    /// <param name="log">Told of each round.</param>
    public static (int[] Assignment, float[] Centroids) Cluster(float[] points, int count, int dimensions, int k, int seed, float[]? weights = null, int maxIterations = 30, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (k <= 0 || k > count || points.Length < count * dimensions)
        {
            throw new ArgumentException($"Cannot make {k} clusters of {count} points.", nameof(k));
        }

        var centroids = new float[k * dimensions];
        int[] start = Sample(count, k, seed);
        for (int c = 0; c < k; c++)
        {
            Array.Copy(points, start[c] * dimensions, centroids, c * dimensions, dimensions);
        }

        var assignment = new int[count];
        Array.Fill(assignment, -1);
        var similarity = new float[count];
        for (int round = 1; round <= maxIterations; round++)
        {
            int moved = 0;
            Parallel.For(0, count, () => 0, (p, _, changed) =>
            {
                (int best, float score) = Nearest(points.AsSpan(p * dimensions, dimensions), centroids, k, dimensions);
                similarity[p] = score;
                if (assignment[p] != best)
                {
                    assignment[p] = best;
                    changed++;
                }

                return changed;
            }, changed => Interlocked.Add(ref moved, changed));

            Update(points, count, dimensions, k, weights, assignment, similarity, centroids);
            log?.Invoke($"k-means {k}: round {round}, {moved:N0} points moved");
            if (moved <= count / 1000)
            {
                break;
            }
        }

        return (assignment, centroids);
    }

    // New centroids: the normalised (weighted) sum of each cluster's points. An empty cluster takes the point least
    // like its own centroid (the first such point), which then leaves its old cluster.
    private static void Update(float[] points, int count, int dimensions, int k, float[]? weights, int[] assignment, float[] similarity, float[] centroids)
    {
        Array.Clear(centroids);
        var sizes = new int[k];
        for (int p = 0; p < count; p++)
        {
            int c = assignment[p];
            sizes[c]++;
            float w = weights?[p] ?? 1f;
            Span<float> into = centroids.AsSpan(c * dimensions, dimensions);
            ReadOnlySpan<float> from = points.AsSpan(p * dimensions, dimensions);
            for (int d = 0; d < dimensions; d++)
            {
                into[d] += w * from[d];
            }
        }

        for (int c = 0; c < k; c++)
        {
            if (sizes[c] == 0)
            {
                int worst = -1;
                for (int p = 0; p < count; p++)
                {
                    if (sizes[assignment[p]] > 1 && (worst < 0 || similarity[p] < similarity[worst]))
                    {
                        worst = p;
                    }
                }

                if (worst >= 0)
                {
                    sizes[assignment[worst]]--;
                    assignment[worst] = c;
                    sizes[c] = 1;
                    similarity[worst] = 1;
                    Array.Copy(points, worst * dimensions, centroids, c * dimensions, dimensions);
                }
            }

            Normalize(centroids.AsSpan(c * dimensions, dimensions));
        }
    }

    /// <summary>Scales a vector to unit length (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        double sum = 0;
        foreach (float v in vector)
        {
            sum += v * (double)v;
        }

        if (sum > 0)
        {
            float scale = (float)(1 / Math.Sqrt(sum));
            for (int d = 0; d < vector.Length; d++)
            {
                vector[d] *= scale;
            }
        }
    }

    /// <summary>The centroid most like a point (ties: the lower index), and its cosine.</summary>
    public static (int Best, float Score) Nearest(ReadOnlySpan<float> point, float[] centroids, int k, int dimensions)
    {
        int best = 0;
        float top = float.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            float s = Dot(point, centroids.AsSpan(c * dimensions, dimensions));
            if (s > top)
            {
                top = s;
                best = c;
            }
        }

        return (best, top);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = Math.Min(a.Length, b.Length);
        ref float x = ref MemoryMarshal.GetReference(a);
        ref float y = ref MemoryMarshal.GetReference(b);
        var sum = Vector256<float>.Zero;
        int i = 0;
        for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            sum += Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.LoadUnsafe(ref y, (nuint)i);
        }

        float total = Vector256.Sum(sum);
        for (; i < n; i++)
        {
            total += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        }

        return total;
    }

    // k distinct point indices, by a seeded partial shuffle.
    private static int[] Sample(int count, int k, int seed)
    {
        var random = new Random(seed);
        int[] order = [.. Enumerable.Range(0, count)];
        for (int i = 0; i < k; i++)
        {
            int j = random.Next(i, count);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..k];
    }
}
