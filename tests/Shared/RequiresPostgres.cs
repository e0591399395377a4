namespace Storyline.Testing;

/// <summary>
/// A fact that needs a PostgreSQL server: its connection string is in STORYLINE_TEST_POSTGRES (.ci/postgres.sh
/// starts one and sets it). Where it is not set the test is skipped with a message; under CI (CI=true) it runs and
/// fails instead, so that a CI run without the server never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestPostgres.SkipReason;
    }
}

/// <summary>The theory twin of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresTheoryAttribute : Xunit.TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        Skip = TestPostgres.SkipReason;
    }
}

/// <summary>The test server, and a schema of its own for each store a test opens.</summary>
internal static class TestPostgres
{
    public const string Variable = "STORYLINE_TEST_POSTGRES";

    public static string? SkipReason =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{Variable} is not set: run 'source .ci/postgres.sh' to start a PostgreSQL server for this test.";

    /// <summary>The server's address as the tests were given it.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{Variable} is not set: CI must start PostgreSQL (.ci/postgres.sh) before the tests");

    /// <summary>A new schema name, unique to this call.</summary>
    public static string NewSchema(string hint) =>
        "t_" + Guid.NewGuid().ToString("N")[..12] + "_" + new string([.. hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);

    /// <summary>The server's address with <paramref name="schema"/> as the schema, as <c>--db</c> takes it.</summary>
    public static string WithSchema(string schema) => Server + (Server.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;
}
