using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Storyline.Ingest.Tests;

/// <summary>
/// A content hash of what an archive holds: reports with their analyses, entities, mentions, stories, assignments and
/// document frequencies — everything but when each report was ingested. Two archives with equal hashes hold the same
/// stories made of the same reports.
/// </summary>
internal static class ArchiveSnapshot
{
    private static readonly string[] Queries =
    [
        "SELECT seq, id, published, title, outlet, url, dateline, external_id, body, analysis, features FROM articles ORDER BY seq",
        "SELECT key, type, name FROM entities ORDER BY key",
        "SELECT article_id, start, length, entity_key, sentence, role FROM mentions ORDER BY article_id, start",
        "SELECT id, title, first_report, last_report, report_count FROM stories ORDER BY id",
        "SELECT article_id, story_id, seq, similarity FROM story_reports ORDER BY seq",
        "SELECT term, df FROM term_df ORDER BY term",
    ];

    public static string Hash(string databasePath) => string.Join(' ', TableHashes(databasePath).Values);

    /// <summary>One hash per table, so that a failing comparison says which part differs.</summary>
    public static IReadOnlyDictionary<string, string> TableHashes(string databasePath)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        foreach (string query in Queries)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = query;
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "\u2205" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }

                hash.AppendData(Encoding.UTF8.GetBytes(row.Append('\u001e').ToString()));
            }

            string table = query.Split(" FROM ")[1].Split(' ')[0];
            hashes[table] = table + ":" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        }

        return hashes;
    }
}
