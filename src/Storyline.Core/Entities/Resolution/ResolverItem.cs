using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>How a mention was resolved.</summary>
internal enum ResolvedKind
{
    Other,
    Person,
    Country,
    Place,
}

/// <summary>
/// A mention on its way through <see cref="EntityResolver"/>: where it is, what it is called, what the rules have
/// found out about it so far, and (at the end) its entity key and type.
/// </summary>
internal sealed class ResolverItem(Mention mention, TextSpan span, string surface, string key, int firstToken, int lastToken)
{
    public Mention Mention { get; } = mention;

    public TextSpan Span { get; set; } = span;

    public string Surface { get; set; } = surface;

    /// <summary>The name's key: its own <see cref="NameKey"/>, or the key of the name it abbreviates or stands for.</summary>
    public string Key { get; set; } = key;

    public int FirstToken { get; set; } = firstToken;

    public int LastToken { get; } = lastToken;

    /// <summary>The type as the rules have it so far: the recogniser's, then the name's own words' and the report's vote.</summary>
    public EntityType Type { get; set; } = mention.Type;

    /// <summary>Whether a rule fixed the type (a known organisation, a seat of power, a head word, a storm): the report's
    /// vote does not change it.</summary>
    public bool TypeFixed { get; set; }

    /// <summary>A seat of power ("the Kremlin"): never a town on the map.</summary>
    public bool NotAPlace { get; set; }

    public FoundRole? Role { get; set; }

    public bool PersonCue { get; set; }

    public bool Honorific { get; set; }

    /// <summary>A person's title stands right before the name ("North Korean leader Kim Jong Un", "Queen Victoria").</summary>
    public bool Titled { get; set; }

    public bool Compound { get; set; }

    public string? Resolved { get; private set; }

    public EntityType ResolvedType { get; private set; }

    public ResolvedKind Kind { get; private set; }

    public Place? Place { get; set; }

    public ImmutableArray<EntityKey> Candidates { get; set; } = [];

    public void Resolve(EntityKey key, EntityType type, ResolvedKind kind) => Resolve(key.Value, type, kind);

    public void Resolve(string key, EntityType type, ResolvedKind kind)
    {
        Resolved = key;
        ResolvedType = type;
        Kind = kind;
    }
}
