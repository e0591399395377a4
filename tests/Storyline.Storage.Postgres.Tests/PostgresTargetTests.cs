namespace Storyline.Storage.Postgres.Tests;

/// <summary>What --db takes for PostgreSQL; no server needed (plain xunit facts).</summary>
public sealed class PostgresTargetTests
{
    [Xunit.Theory]
    [InlineData("postgres://u@127.0.0.1:5433/news", true)]
    [InlineData("postgresql://u:p@db.example:5432/news?sslmode=disable", true)]
    [InlineData("Host=127.0.0.1;Port=5433;Username=u;Database=news", true)]
    [InlineData("storyline.db", false)]
    [InlineData("archive/host=1.db", false)]
    [InlineData("", false)]
    public void Addresses_and_connection_strings_name_PostgreSQL_and_paths_do_not(string db, bool postgres) =>
        Assert.Equal(postgres, PostgresTarget.Matches(db));

    [Xunit.Fact]
    public void An_address_becomes_a_connection_string_with_its_options()
    {
        var builder = PostgresTarget.Parse("postgres://reader:s%40cret@127.0.0.1:5433/news?schema=archive&sslmode=disable");

        Assert.Equal(("127.0.0.1", 5433, "reader", "s@cret", "news", "archive"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.SearchPath));
        Assert.Equal(Npgsql.SslMode.Disable, builder.SslMode);
        Assert.DoesNotContain("cret", PostgresTarget.Describe(builder), StringComparison.Ordinal);
    }

    [Xunit.Fact]
    public void A_bad_option_is_refused_without_showing_the_password()
    {
        StoreException error = Assert.Throws<StoreException>(() => PostgresTarget.Parse("postgres://u:secret@host:5432/db?nonsense=1"));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
