using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Storyline.Storage.Postgres;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// The stories of an archive as a partition of its reports (story numbers left out: which reports are together), read
/// from the story rows both stores share, so that the throughput run can say whether PostgreSQL's workers made the
/// stories of SQLite's single process.
/// </summary>
internal sealed class StoryPartition
{
    // Each report's story, and each report's group: its story's reports, sorted, as one string.
    private readonly Dictionary<string, long> storyOf;
    private readonly Dictionary<string, string> groupOf;

    private StoryPartition(Dictionary<string, long> storyOf)
    {
        this.storyOf = storyOf;
        groupOf = [];
        foreach (IGrouping<long, string> story in storyOf.GroupBy(p => p.Value, p => p.Key))
        {
            string group = string.Join(',', story.Order(StringComparer.Ordinal));
            foreach (string report in story)
            {
                groupOf[report] = group;
            }
        }

        Stories = storyOf.Values.Distinct().Count();
    }

    /// <summary>Stories with at least one report.</summary>
    public int Stories { get; }

    /// <summary>Reports in stories.</summary>
    public int Reports => storyOf.Count;

    public static async Task<StoryPartition> ReadSqliteAsync(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        return await ReadAsync(connection).ConfigureAwait(false);
    }

    public static async Task<StoryPartition> ReadPostgresAsync(string db)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
        return await ReadAsync(connection).ConfigureAwait(false);
    }

    // Every report's story, copies included (a copy is in its original's story), on either store's connection.
    private static async Task<StoryPartition> ReadAsync(DbConnection connection)
    {
        await connection.OpenAsync().ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT article_id, story_id FROM story_reports";
        await using DbDataReader reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var storyOf = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            storyOf[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new StoryPartition(storyOf);
    }

    /// <summary>
    /// How the two differ: reports in one archive and not the other, reports whose story holds other reports than in
    /// <paramref name="other"/> (0 and 0: the same partition), and reports under another story number.
    /// </summary>
    public (int Missing, int Moved, int Renumbered) Compare(StoryPartition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int missing = groupOf.Keys.Count(r => !other.groupOf.ContainsKey(r)) + other.groupOf.Keys.Count(r => !groupOf.ContainsKey(r));
        int moved = groupOf.Count(p => other.groupOf.TryGetValue(p.Key, out string? group) && group != p.Value);
        int renumbered = storyOf.Count(p => other.storyOf.TryGetValue(p.Key, out long story) && story != p.Value);
        return (missing, moved, renumbered);
    }
}
