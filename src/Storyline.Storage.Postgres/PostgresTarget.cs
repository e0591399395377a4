using Npgsql;

namespace Storyline.Storage.Postgres;

/// <summary>
/// What <c>--db</c> names when it names a PostgreSQL database: a <c>postgres://user:password@host:port/database</c>
/// address (query options <c>sslmode</c>, <c>schema</c> and any Npgsql key), or an Npgsql <c>Key=Value;…</c> string.
/// </summary>
public static class PostgresTarget
{
    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Matches(string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            return false;
        }

        string text = db.Trim();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || IsKeyValue(text);
    }

    // "Host=…;Database=…": every part a key of letters and spaces and a value, one of them the host.
    private static bool IsKeyValue(string text)
    {
        string[] parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0
            && parts.All(p => p.IndexOf('=', StringComparison.Ordinal) is int eq && eq > 0 && p[..eq].All(c => char.IsAsciiLetter(c) || c == ' '))
            && parts.Any(p => p.StartsWith("host", StringComparison.OrdinalIgnoreCase) || p.StartsWith("server", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Npgsql connection string for <paramref name="db"/>.</summary>
    /// <exception cref="StoreException">It is not a valid address or connection string.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        string text = db.Trim();
        try
        {
            if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return new NpgsqlConnectionStringBuilder(text);
            }

            var uri = new Uri(text);
            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
            if (uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            string[] user = uri.UserInfo.Split(':', 2);
            if (user[0].Length > 0)
            {
                builder.Username = Uri.UnescapeDataString(user[0]);
            }

            if (user.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }

            string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] kv = pair.Split('=', 2);
                string key = Uri.UnescapeDataString(kv[0]);
                string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
                builder[key.ToLowerInvariant() switch
                {
                    "sslmode" => "SSL Mode",
                    "schema" or "search_path" => "Search Path",
                    "connect_timeout" => "Timeout",
                    "application_name" => "Application Name",
                    _ => key,
                }] = value;
            }

            return builder;
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new StoreException($"{Describe(text)}: not a usable PostgreSQL address or connection string ({ex.Message})", ex);
        }
    }

    /// <summary>How messages name the database: host, port, database and schema, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string schema = string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : "?schema=" + builder.SearchPath;
        return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}{schema}";
    }

    private static string Describe(string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 ? text[..(scheme + 3)] + "…" + text[at..] : "the PostgreSQL connection string";
    }
}
