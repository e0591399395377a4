using Storyline.Domain;

namespace Storyline.Storage;

/// <summary>A story in a listing, with what the list shows of it, read without loading its reports.</summary>
/// <param name="Summary">Its number, title, dates and report count.</param>
/// <param name="Sources">Its reports with their near-copies.</param>
/// <param name="KeyEntities">Its most mentioned people, organisations and places, most mentioned first, then by name.</param>
public sealed record StoryCard(StorySummary Summary, int Sources, IReadOnlyList<KeyEntity> KeyEntities);

/// <summary>An entity a story names often.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">Its name in the archive.</param>
/// <param name="Mentions">Its mentions in the story's original reports.</param>
public sealed record KeyEntity(EntityKey Key, EntityType Type, string Name, int Mentions);

/// <summary>A full-text search and the filters its hits must pass.</summary>
/// <param name="Query">The words (all required; "quoted words" a phrase).</param>
/// <param name="From">Only reports published on or after this day.</param>
/// <param name="To">Only reports published on or before this day.</param>
/// <param name="Entity">Only reports that mention this entity.</param>
/// <param name="Story">Only reports of this story.</param>
public sealed record SearchFilter(string Query, DateOnly? From = null, DateOnly? To = null, EntityKey? Entity = null, StoryId? Story = null);
