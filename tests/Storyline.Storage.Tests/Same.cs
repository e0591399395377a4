using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

/// <summary>
/// Equality of records that hold immutable arrays: record equality (and Assert.Equal on an ImmutableArray) compares
/// those by reference, so these compare their elements.
/// </summary>
internal static class Same
{
    public static void Analysis(AnalyzedArticle expected, AnalyzedArticle actual)
    {
        Assert.Equal(expected.Article, actual.Article);
        Assert.Empty(actual.Tokens);
        Assert.Equal(expected.Sentences.ToArray(), actual.Sentences.ToArray());
        Assert.Equal(expected.Mentions.ToArray(), actual.Mentions.ToArray());
        Assert.Equal(expected.Entities.Length, actual.Entities.Length);
        for (int i = 0; i < expected.Entities.Length; i++)
        {
            Entity e = expected.Entities[i], a = actual.Entities[i];
            Assert.Equal((e.Key, e.Type, e.Name), (a.Key, a.Type, a.Name));
            Assert.Equal(e.Aliases.ToArray(), a.Aliases.ToArray());
            Assert.Equal(e.Roles.ToArray(), a.Roles.ToArray());
            Assert.Equal(e.Place, a.Place);
        }

        Assert.Equal(expected.Location, actual.Location);

        Assert.Equal(expected.Times.ToArray(), actual.Times.ToArray());
        Assert.Equal(expected.Quotes.ToArray(), actual.Quotes.ToArray());
        Assert.Equal(expected.Claims.ToArray(), actual.Claims.ToArray());
    }

    public static void Features(StoryFeatures expected, StoryFeatures actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.Terms.ToArray(), actual.Terms.ToArray());
        Assert.Equal(expected.EntityNames.OrderBy(n => n.Key, StringComparer.Ordinal), actual.EntityNames.OrderBy(n => n.Key, StringComparer.Ordinal));
        Assert.Equal(expected.HeadTerms.ToArray(), actual.HeadTerms.ToArray());
        Assert.Equal(expected.PlaceTerms.ToArray(), actual.PlaceTerms.ToArray());
        Assert.Equal(expected.PeopleTerms.ToArray(), actual.PeopleTerms.ToArray());
        Assert.Equal(expected.DateTerms.ToArray(), actual.DateTerms.ToArray());
        Assert.Equal(expected.NumberTerms.ToArray(), actual.NumberTerms.ToArray());
        Assert.Equal(expected.Signature.ToArray(), actual.Signature.ToArray());
        Assert.Equal(expected.Headline, actual.Headline);
    }
}
