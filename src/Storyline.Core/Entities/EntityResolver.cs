using System.Collections.Immutable;
using System.Globalization;
using Storyline.Domain;
using Storyline.Entities.Resolution;
using Storyline.Pipeline;

namespace Storyline.Entities;

/// <summary>Settings of the <see cref="EntityResolver"/>.</summary>
public sealed record ResolverOptions
{
    /// <summary>
    /// Whether the recogniser's types can be trusted (a trained tagger): then only Person mentions are people and
    /// only Location mentions are geocoded. With a rough recogniser (the capitalised-name stand-in) the resolver
    /// also takes titles and context as evidence of a person, and geocodes untyped names when a large town or a town
    /// of the report's countries has that main name.
    /// </summary>
    public bool TrustTypes { get; init; }

    /// <summary>
    /// A short form that matches several full names ("Kim" after "Kim Jong Un" and "Kim Myong Sik") goes to the most
    /// named of them when it has been named in full at least this many times as often as any other.
    /// </summary>
    public int DominanceRatio { get; init; } = 3;
}

/// <summary>
/// The resolution stage: runs after a recogniser has filled <see cref="AnalyzedArticle.Mentions"/> with raw mentions
/// (keys = lower-cased surface forms) and rewrites each mention's key, type and role, and builds
/// <see cref="AnalyzedArticle.Entities"/>. Thread-safe: holds only the read-only gazetteer.
/// </summary>
/// <remarks>
/// <para>Keys are canonical, so that the same person or place in two reports has the same key: a person is the
/// <see cref="NameKey"/> of the fullest name the report gives ("kim jong un"), a country "country:kp", a geocoded town
/// "place:2013348"; anything else its own name key.</para>
/// <para>Within a report: country names and alternate spellings (North Korea, DPRK, Democratic People's Republic of
/// Korea) are the country; a demonym ("North Korean", "Russians") is resolved to its country with the mention role
/// "demonym" and the mention type Miscellaneous; a short form whose words begin or end exactly one full name of a person
/// ("Putin", "Mr Kim") is that person; one that fits several stays ambiguous, with the candidates on the mention, unless
/// one of them was named in full in this or the previous sentence, or is clearly the most named.</para>
/// <para>Roles come from the words before the name or an apposition after it (<see cref="RoleFinder"/>); courtesy
/// titles (Mr, Dr) are not roles. The dateline ("VLADIVOSTOK, Russia") is geocoded and becomes
/// <see cref="AnalyzedArticle.Location"/>.</para>
/// <para>With a trained tagger (<see cref="ResolverOptions.TrustTypes"/>), each name first gets one type in the report
/// (<see cref="TypeConsensus"/>: well-known organisations and their acronyms, seats of power such as the Kremlin, head
/// words such as "Avenue" or "Authority", an organisation's apposition, coordination with other names, acronyms the
/// report pairs with their names, then the majority of the tagger's types); a storm's name is an event ("storm
/// Daniel"); and a place is pinned on the map only on evidence that fits the report (<see cref="Geocoder.Decide"/>),
/// otherwise it stays a place with the towns it may be as its mention's candidates.</para>
/// </remarks>
public sealed class EntityResolver(Gazetteer gazetteer, ResolverOptions? options = null) : IAnalysisStage
{
    /// <summary>The mention role of a demonym resolved to its country.</summary>
    public const string DemonymRole = "demonym";

    private readonly Gazetteer gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
    private readonly ResolverOptions options = options ?? new ResolverOptions();

    /// <inheritdoc />
    public string Name => "resolve";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article = JoinPossessiveCountryNames(article);
        var items = Prepare(article);
        if (options.TrustTypes)
        {
            // One type per name before anything is looked up (see TypeConsensus); a person is then whatever the
            // consensus calls a person, or has a title or a courtesy title.
            TypeConsensus.Apply(items, article.Body, article.Tokens);
            foreach (ResolverItem item in items)
            {
                item.PersonCue = item.Honorific || item.Role?.Kind == RoleKind.PersonHead || item.Type == EntityType.Person;
            }
        }

        var context = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var countryCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        // 1. Countries and demonyms.
        foreach (ResolverItem item in items)
        {
            if (gazetteer.CountryByName(item.Key) is Country country && !(options.TrustTypes && (item.Type == EntityType.Person || item.TypeFixed)))
            {
                item.Resolve(country.Key, EntityType.Location, ResolvedKind.Country);
                item.Place = country.Place;
                context.Add(country.Code);
                countryCounts[country.Code] = countryCounts.GetValueOrDefault(country.Code) + 1;
            }
            else if (gazetteer.CountryByDemonym(item.Key) is Country people && !(options.TrustTypes && item.TypeFixed))
            {
                item.Resolve(people.Key, EntityType.Miscellaneous, ResolvedKind.Country);
                item.Place = people.Place;
                item.Role = new FoundRole(DemonymRole, RoleKind.None);
                context.Add(people.Code);
                countryCounts[people.Code] = countryCounts.GetValueOrDefault(people.Code) + 1;
            }
        }

        (Place? dateline, string? datelineCountry) = GeocodeDateline(article.Article.Dateline, context);
        // The countries the report is about: its dateline's and the one it names most. A name the recogniser did not
        // type as a place is only a small town of one of these ("Khasan" in a report about Russia, not "Pacific",
        // Missouri, in a report from Vladivostok that also names the United States).
        var mainCountries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (countryCounts.Count > 0)
        {
            mainCountries.Add(countryCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key);
        }

        if (datelineCountry is not null)
        {
            context.Add(datelineCountry);
            mainCountries.Add(datelineCountry);
        }

        // 2. People named in full, then the short forms that point at them.
        var fullNames = FindFullNames(items);
        foreach (ResolverItem item in items)
        {
            if (item.Resolved is null && fullNames.ContainsKey(item.Key))
            {
                item.Resolve(item.Key, EntityType.Person, ResolvedKind.Person);
            }
        }

        var candidatesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (ResolverItem item in items)
        {
            if (item.Resolved is null && !item.Compound && (MayBePerson(item) || FollowsItsFullName(item, items)))
            {
                ResolveShortForm(item, items, fullNames, candidatesOf);
            }
        }

        // 3. Places.
        var places = new PlaceContext(mainCountries, context);
        foreach (ResolverItem item in items)
        {
            if (item.Resolved is not null || item.NotAPlace || item.Compound)
            {
                continue;
            }

            // "Queen Victoria": a person's title before a name the tagger called a place.
            bool personTitle = options.TrustTypes && (item.Honorific || item.Role?.Kind == RoleKind.PersonHead);
            GeocodeEvidence? evidence = item.Type == EntityType.Location && !personTitle ? GeocodeEvidence.TypedLocation
                // A tagger's one-word "person" with no title, role or fuller name may be a small place it does not
                // know ("the Khasan station"): the strict evidence rule (main name, large or in the report's country).
                : !options.TrustTypes && !item.PersonCue && item.Role is null ? GeocodeEvidence.Untyped
                : options.TrustTypes && item.Type == EntityType.Person && !item.Honorific && item.Role is null && !item.Key.Contains(' ', StringComparison.Ordinal) ? GeocodeEvidence.Untyped
                : null;
            if (evidence is not GeocodeEvidence e)
            {
                continue;
            }

            if (!options.TrustTypes)
            {
                // The stand-in recogniser's rough types: the plain choice, as before the trained tagger.
                if (Geocoder.Choose(gazetteer, item.Key, e == GeocodeEvidence.Untyped ? mainCountries : context, e) is Place chosen)
                {
                    item.Resolve(PlaceKey(chosen), EntityType.Location, ResolvedKind.Place);
                    item.Place = chosen;
                }

                continue;
            }

            PlaceDecision decision = Geocoder.Decide(gazetteer, item.Key, places, e);
            if (decision.Place is Place place)
            {
                item.Resolve(PlaceKey(place), EntityType.Location, ResolvedKind.Place);
                item.Place = place;
            }
            else if (decision.Candidates.Count > 0)
            {
                // A place, but not one the report lets us pin: its own name, with the towns it may be.
                item.Resolve(item.Key, EntityType.Location, ResolvedKind.Other);
                item.Candidates = [.. decision.Candidates.Select(PlaceKey)];
            }
        }

        // 4. The rest keep their own name.
        foreach (ResolverItem item in items)
        {
            if (item.Resolved is null)
            {
                EntityType type = item.Compound ? EntityType.Miscellaneous
                    : item.PersonCue ? EntityType.Person
                    : item.Role?.Kind == RoleKind.OrganizationHead ? EntityType.Organization
                    : item.Type;
                item.Resolve(item.Key, type, ResolvedKind.Other);
            }
        }

        return Build(article, items, dateline);
    }

    /// <summary>The key of a geocoded town: "place:" and its GeoNames id.</summary>
    public static EntityKey PlaceKey(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new EntityKey("place:" + place.GeoNameId.ToString(CultureInfo.InvariantCulture));
    }

    // A recogniser that splits at the possessive can cut a country's official name ("Democratic People’s Republic of
    // Korea") into pieces, or miss its first words. When up to three capitalised words, "’s" and a mention make a
    // country name, that whole name is one mention and the pieces inside it go.
    private AnalyzedArticle JoinPossessiveCountryNames(AnalyzedArticle article)
    {
        string body = article.Body;
        List<Mention>? mentions = null;
        foreach (Mention m in article.Mentions)
        {
            int at = m.Span.Start;
            if (at < 4 || body[at - 1] != ' ' || body[at - 2] != 's' || body[at - 3] is not ('\'' or '\u2019'))
            {
                continue;
            }

            int start = at - 3;
            for (int words = 0; words < 3 && start > 0; words++)
            {
                int wordStart = start;
                while (wordStart > 0 && char.IsLetter(body[wordStart - 1]))
                {
                    wordStart--;
                }

                if (wordStart == start || !char.IsUpper(body[wordStart]))
                {
                    break;
                }

                var whole = TextSpan.FromBounds(wordStart, m.Span.End);
                if (gazetteer.CountryByName(NameKey.Normalize(whole.ToString(body))) is not null)
                {
                    mentions ??= [.. article.Mentions];
                    mentions.RemoveAll(o => o.Span.Overlaps(whole));
                    mentions.Add(m with { Span = whole, Type = EntityType.Location, Entity = new EntityKey(NameKey.Normalize(whole.ToString(body))) });
                    break;
                }

                start = wordStart - 1;
                if (start <= 0 || body[start] != ' ')
                {
                    break;
                }
            }
        }

        return mentions is null ? article : article with { Mentions = [.. mentions.OrderBy(o => o.Span.Start)] };
    }

    // A one-word name that begins or ends the full name of a person named before it in the report is that person's
    // short form, whatever type the tagger gave it, as a reader takes it: "North Korea's Kim Jong Un was shown the
    // bombers… Kim looked over them", where a tagger made every bare "Kim" of the report a place.
    private static bool FollowsItsFullName(ResolverItem item, List<ResolverItem> items)
    {
        if (item.Key.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        int start = item.Span.Start;
        foreach (ResolverItem o in items)
        {
            if (o.Span.Start >= start)
            {
                return false;
            }

            if (o.Kind == ResolvedKind.Person && o.Key == o.Resolved && IsPartOf(item.Key, o.Key))
            {
                return true;
            }
        }

        return false;
    }

    // A rough recogniser's "Location" is often only "to Putin": there any type may be a short form of a person.
    private bool MayBePerson(ResolverItem item) => !options.TrustTypes || item.Type == EntityType.Person;

    private List<ResolverItem> Prepare(AnalyzedArticle article)
    {
        string body = article.Body;
        ImmutableArray<Token> tokens = article.Tokens;
        var items = new List<ResolverItem>(article.Mentions.Length);
        foreach (Mention mention in article.Mentions.OrderBy(m => m.Span.Start))
        {
            TextSpan span = mention.Span;
            ReadOnlySpan<char> text = span.Slice(body);
            ReadOnlySpan<char> stripped = NameKey.StripPossessive(text);
            span = new TextSpan(span.Start, stripped.Length);
            int first = TokenAt(tokens, span.Start);
            int last = TokenAt(tokens, span.End - 1);
            bool honorific = false;
            bool storm = false;
            FoundRole? role = null;

            // A person's title right before the name (in the tagged span or in front of it), not an apposition after
            // it ("in Ukraine, analysts say" is no title of Ukraine's).
            bool titled = false;
            if (first >= 0 && last >= first)
            {
                // A tagger may take the title into a person's name ("President Vladimir Putin"): it is the role, not
                // the name. Only for people: "General Motors" keeps its first word.
                int nameFirst = first;
                while (mention.Type == EntityType.Person && nameFirst < last && tokens[nameFirst].Kind == TokenKind.Word
                    && (RoleLexicon.IsHonorific(tokens[nameFirst].Span.Slice(body))
                        || RoleLexicon.Classify(tokens[nameFirst].Span.Slice(body)) is RoleKind.PersonHead or RoleKind.Modifier))
                {
                    honorific |= RoleLexicon.IsHonorific(tokens[nameFirst].Span.Slice(body));
                    nameFirst++;
                }

                if (nameFirst > first)
                {
                    string inside = body[tokens[first].Span.Start..tokens[nameFirst - 1].Span.End];
                    if (!RoleLexicon.IsHonorific(inside))
                    {
                        role = new FoundRole(inside, RoleKind.PersonHead);
                    }

                    span = TextSpan.FromBounds(tokens[nameFirst].Span.Start, span.End);
                    first = nameFirst;
                }

                (int sentenceStart, int sentenceEnd) = SentenceBounds(article, mention.Sentence, tokens.Length);
                honorific |= RoleFinder.HasHonorificBefore(body, tokens, sentenceStart, first);
                role ??= RoleFinder.Before(body, tokens, sentenceStart, first);
                titled = role?.Kind == RoleKind.PersonHead;
                role ??= RoleFinder.After(body, tokens, sentenceEnd, last);

                // "storm Daniel", "Hurricane Ida": a weather event named like a person. The storm word joins the name.
                if (options.TrustTypes && first > sentenceStart && tokens[first - 1].Kind == TokenKind.Word && NameHeads.IsStormWord(tokens[first - 1].Span.Slice(body)))
                {
                    first--;
                    span = TextSpan.FromBounds(tokens[first].Span.Start, span.End);
                    storm = true;
                    role = null;
                    titled = false;
                }

                storm |= options.TrustTypes && last > first && NameHeads.IsStormWord(tokens[first].Span.Slice(body));
            }

            // "marshals Ri Pyong Chol and Pak Jong Chon": the second name shares the first one's role.
            if (role is null && first >= 2 && items.Count > 0 && items[^1].Role is FoundRole shared && shared.Kind == RoleKind.PersonHead
                && tokens[first - 1].Span.Slice(body) is "and" && items[^1].LastToken == first - 2)
            {
                role = shared;
                titled = true;
            }

            string surface = span.ToString(body);
            items.Add(new ResolverItem(mention, span, surface, NameKey.Normalize(surface), first, last)
            {
                Role = role,
                PersonCue = honorific || role?.Kind == RoleKind.PersonHead || mention.Type == EntityType.Person && options.TrustTypes,
                Honorific = honorific,
                Titled = titled,
                Type = storm ? EntityType.Miscellaneous : mention.Type,
                TypeFixed = storm,
            });
        }

        return items;
    }

    // Multi-word names of people: typed Person (or, with a rough recogniser, not typed a place or with a person cue),
    // not a compound of two people ("Kim-Putin"). Value: how many times each is named in full.
    private Dictionary<string, int> FindFullNames(List<ResolverItem> items)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ResolverItem item in items)
        {
            if (item.Resolved is null && item.Key.Contains(' ', StringComparison.Ordinal) && IsPersonName(item))
            {
                names[item.Key] = names.GetValueOrDefault(item.Key) + 1;
            }
        }

        // A hyphenated pair of short forms of two different people is about both, not a third person.
        // (With a trained tagger, whatever type it gave the pair: "Kim-Putin" is not a place either.)
        var compounds = items.Where(i => i.Resolved is null && (names.ContainsKey(i.Key) || options.TrustTypes) && i.Surface.Contains('-', StringComparison.Ordinal) && IsCompound(i.Surface, names))
            .Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (ResolverItem item in items.Where(i => compounds.Contains(i.Key)))
        {
            names.Remove(item.Key);
            item.Compound = true;
            item.PersonCue = false;
        }

        // A full name that is the start or end of exactly one longer full name is that name ("Vladimir Putin" in a
        // report that also says "Vladimir Vladimirovich Putin" is counted with it).
        foreach (string name in names.Keys.OrderBy(k => k.Length).ToList())
        {
            var longer = names.Keys.Where(other => other.Length > name.Length && IsPartOf(name, other)).ToList();
            if (longer.Count == 1)
            {
                names[longer[0]] += names[name];
                names.Remove(name);
            }
        }

        return names;
    }

    private bool IsPersonName(ResolverItem item)
    {
        if (options.TrustTypes)
        {
            return item.Type == EntityType.Person;
        }

        // The stand-in calls any unmarked run of capitalised words a person; an organisation word or a place cue
        // says otherwise, and a title says person whatever the type.
        return item.PersonCue || item.Type == EntityType.Person;
    }

    private static bool IsCompound(string surface, Dictionary<string, int> names)
    {
        string[] parts = surface.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return false;
        }

        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            string key = NameKey.Normalize(part);
            var matches = names.Keys.Where(n => IsPartOf(key, n)).ToList();
            if (matches.Count == 0)
            {
                return false;
            }

            owners.UnionWith(matches);
        }

        return owners.Count >= 2;
    }

    // candidatesOf: the full names each short form seen so far is part of (the same for every mention of it).
    private void ResolveShortForm(ResolverItem item, List<ResolverItem> items, Dictionary<string, int> fullNames, Dictionary<string, List<string>> candidatesOf)
    {
        if (!candidatesOf.TryGetValue(item.Key, out List<string>? candidates))
        {
            candidates = fullNames.Keys.Where(n => IsPartOf(item.Key, n)).Order(StringComparer.Ordinal).ToList();
            candidatesOf[item.Key] = candidates;
        }

        if (candidates.Count == 0)
        {
            return;
        }

        if (candidates.Count == 1)
        {
            item.Resolve(candidates[0], EntityType.Person, ResolvedKind.Person);
            return;
        }

        // The nearest full naming before it, if it is in this or the previous sentence.
        ResolverItem? previous = items.LastOrDefault(o => o.Span.Start < item.Span.Start && o.Kind == ResolvedKind.Person && o.Key == o.Resolved && candidates.Contains(o.Key));
        if (previous is not null && item.Mention.Sentence - previous.Mention.Sentence <= 1)
        {
            item.Resolve(previous.Key, EntityType.Person, ResolvedKind.Person);
            return;
        }

        // Only one of them named yet: a reader at this point knows no other ("Mr Kim" before the admiral appears).
        // (The people named before it gathered once: asking every item for every candidate cost candidates × items.)
        int start = item.Span.Start;
        var peopleBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (ResolverItem o in items)
        {
            if (o.Span.Start < start && o.Kind == ResolvedKind.Person)
            {
                peopleBefore.Add(o.Key);
            }
        }

        var namedBefore = candidates.Where(peopleBefore.Contains).ToList();
        if (namedBefore.Count == 1)
        {
            item.Resolve(namedBefore[0], EntityType.Person, ResolvedKind.Person);
            return;
        }

        // The report's first-named candidate (its protagonist), when it is also the one named in full most recently:
        // "Kim Jong-un may also seek aid… Mr Kim is making his first foreign trip", even after the admiral appeared.
        string? firstNamed = items.FirstOrDefault(o => o.Kind == ResolvedKind.Person && candidates.Contains(o.Key))?.Key;
        string? lastNamed = items.LastOrDefault(o => o.Span.Start < item.Span.Start && o.Kind == ResolvedKind.Person && candidates.Contains(o.Key))?.Key;
        if (firstNamed is not null && firstNamed == lastNamed)
        {
            item.Resolve(firstNamed, EntityType.Person, ResolvedKind.Person);
            return;
        }

        var ranked = candidates.Select(c => (Name: c, Count: fullNames[c])).OrderByDescending(c => c.Count).ToList();
        if (ranked[0].Count >= options.DominanceRatio * ranked[1].Count)
        {
            item.Resolve(ranked[0].Name, EntityType.Person, ResolvedKind.Person);
            return;
        }

        item.Resolve(item.Key, EntityType.Person, ResolvedKind.Person);
        item.Candidates = [.. candidates.Select(c => new EntityKey(c))];
    }

    // "kim" is part of "kim jong un" (its first words) and "putin" of "vladimir putin" (its last words).
    // Without building "kim " and " kim": this runs for every short form against every full name of the report.
    private static bool IsPartOf(string shortKey, string fullKey) =>
        shortKey.Length < fullKey.Length
        && ((fullKey[shortKey.Length] == ' ' && fullKey.StartsWith(shortKey, StringComparison.Ordinal))
            || (fullKey[fullKey.Length - shortKey.Length - 1] == ' ' && fullKey.EndsWith(shortKey, StringComparison.Ordinal)));

    private (Place? Place, string? Country) GeocodeDateline(string? dateline, IReadOnlySet<string> context)
    {
        if (string.IsNullOrWhiteSpace(dateline))
        {
            return (null, null);
        }

        string[] parts = dateline.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? required = null;
        foreach (string part in parts.Skip(1))
        {
            if (gazetteer.CountryByName(NameKey.Normalize(part)) is Country qualifier)
            {
                required = qualifier.Code;
            }
        }

        string key = NameKey.Normalize(parts[0]);
        if (gazetteer.CountryByName(key) is Country country)
        {
            return (country.Place, country.Code);
        }

        Place? place = Geocoder.Choose(gazetteer, key, context, GeocodeEvidence.TypedLocation, required)
            ?? Geocoder.Choose(gazetteer, key, context, GeocodeEvidence.TypedLocation);
        return (place, place?.CountryCode ?? required);
    }

    private AnalyzedArticle Build(AnalyzedArticle article, List<ResolverItem> items, Place? dateline)
    {
        foreach (ResolverItem item in items)
        {
            // Places have no roles; a demonym keeps its marker.
            if (item.Kind == ResolvedKind.Place || (item.Kind == ResolvedKind.Country && item.Role?.Text != DemonymRole))
            {
                item.Role = null;
            }
        }

        var groups = new Dictionary<string, List<ResolverItem>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (ResolverItem item in items)
        {
            string key = item.Resolved!;
            if (!groups.TryGetValue(key, out List<ResolverItem>? group))
            {
                group = [];
                groups[key] = group;
                order.Add(key);
            }

            group.Add(item);
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(order.Count + 1);
        var typeOf = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (string key in order)
        {
            Entity entity = BuildEntity(key, groups[key]);
            entities.Add(entity);
            typeOf[key] = entity.Type;
        }

        // Every mention of an entity has the entity's type (with a trained tagger; a demonym stays Miscellaneous).
        var mentions = ImmutableArray.CreateBuilder<Mention>(items.Count);
        foreach (ResolverItem item in items)
        {
            bool demonym = item.Role?.Text == DemonymRole;
            mentions.Add(item.Mention with
            {
                Span = item.Span,
                Type = options.TrustTypes && !demonym ? typeOf[item.Resolved!] : item.ResolvedType,
                Entity = new EntityKey(item.Resolved!),
                Role = item.Role?.Text,
                Candidates = item.Candidates,
            });
        }

        EntityKey? location = null;
        if (dateline is not null)
        {
            EntityKey key = dateline.IsCountry && gazetteer.CountryByCode(dateline.CountryCode) is Country c ? c.Key : PlaceKey(dateline);
            location = key;
            if (!groups.ContainsKey(key.Value))
            {
                entities.Add(new Entity(key, EntityType.Location, dateline.Name, [], [], dateline));
            }
        }

        return article with { Mentions = mentions.ToImmutable(), Entities = entities.ToImmutable(), Location = location };
    }

    private static Entity BuildEntity(string key, List<ResolverItem> group)
    {
        ResolverItem first = group[0];
        Place? place = group.Select(i => i.Place).FirstOrDefault(p => p is not null);
        EntityType type;
        string name;
        if (first.Kind is ResolvedKind.Country or ResolvedKind.Place && place is not null)
        {
            type = EntityType.Location;

            // A country goes by its gazetteer name (reports also write "Russian", "DPRK"); a town by the name the report
            // gives it most often, so that a story about Derna lists Derna, not GeoNames' "Darnah" (which stays its place).
            name = first.Kind == ResolvedKind.Place
                ? group.Where(i => i.Kind == ResolvedKind.Place && i.Surface.Any(char.IsLower))
                    .GroupBy(i => i.Surface, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? place.Name
                : place.Name;
        }
        else
        {
            type = first.Kind == ResolvedKind.Person || group.Any(i => i.PersonCue)
                ? EntityType.Person
                : group.GroupBy(i => i.ResolvedType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

            // The fullest form: most words, then longest, then first seen.
            name = group.Select(i => i.Surface).OrderByDescending(s => NameKey.Words(NameKey.Normalize(s)).Length).ThenByDescending(s => s.Length).First();
        }

        // A town named as the report writes it keeps the gazetteer's name among its aliases, so that it is found by it.
        IEnumerable<string> surfaces = place is not null && first.Kind == ResolvedKind.Place ? group.Select(i => i.Surface).Append(place.Name) : group.Select(i => i.Surface);
        var aliases = surfaces.Distinct(StringComparer.Ordinal).Where(s => !string.Equals(s, name, StringComparison.Ordinal)).ToImmutableArray();
        var roles = group.Select(i => i.Role?.Text).OfType<string>().Where(r => r != DemonymRole)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        return new Entity(new EntityKey(key), type, name, aliases, roles, place);
    }

    private static (int Start, int End) SentenceBounds(AnalyzedArticle article, int index, int tokenCount)
    {
        if (index >= 0 && index < article.Sentences.Length)
        {
            Sentence s = article.Sentences[index];
            return (s.FirstToken, s.FirstToken + s.TokenCount);
        }

        return (0, tokenCount);
    }

    // The token that covers a character offset, or -1.
    private static int TokenAt(ImmutableArray<Token> tokens, int offset) => Text.TokenIndex.At(tokens, offset);
}
