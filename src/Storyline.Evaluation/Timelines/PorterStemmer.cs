namespace Storyline.Evaluation.Timelines;

/// <summary>
/// The Porter stemmer as ROUGE-1.5.5 runs it with <c>-m</c>: Porter's 1980 algorithm ("An algorithm for suffix
/// stripping", Program 14(3)) with the changes of Porter's own later reference implementations (step 2 maps "bli" to
/// "ble" where the paper has "abli" → "able", and adds "logi" → "log") and one change made in ROUGE itself (in step 4 a
/// word in "-ement" loses "ement" as one suffix, and "ment" and then "ent" are tried after the other suffixes, each on
/// what is left). Written from those descriptions; stateless and thread-safe.
/// </summary>
/// <remarks>
/// Words are lower-case ASCII letters and digits. A vowel is a, e, i, o, u, and y after a consonant; a leading y is a
/// consonant. The measure m of a stem is the number of vowel-run → consonant-run changes in it ([C](VC)^m[V]).
/// </remarks>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", string.Empty), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", string.Empty), ("ness", string.Empty),
    ];

    private static readonly string[] Step4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

    /// <summary>The stem of <paramref name="word"/> (lower case); words shorter than three letters are returned as they are.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3)
        {
            return word;
        }

        // A leading y is a consonant: written upper-case while stemming so that no rule takes it for a vowel.
        bool leadingY = word[0] == 'y';
        var w = new System.Text.StringBuilder(word);
        if (leadingY)
        {
            w[0] = 'Y';
        }

        Step1a(w);
        Step1b(w);
        Step1c(w);
        ReplaceLongest(w, Step2, minMeasure: 1);
        ReplaceLongest(w, Step3, minMeasure: 1);
        Step4Rules(w);
        Step5(w);
        if (leadingY)
        {
            w[0] = 'y';
        }

        return w.ToString();
    }

    // sses → ss, ies → i, else a final s after anything but s goes.
    private static void Step1a(System.Text.StringBuilder w)
    {
        if (EndsWith(w, "sses") || EndsWith(w, "ies"))
        {
            w.Length -= 2;
        }
        else if (w.Length >= 2 && w[^1] == 's' && w[^2] != 's')
        {
            w.Length--;
        }
    }

    // (m > 0) eed → ee; else ed and ing go where the rest holds a vowel, and the rest is mended (at → ate, hopp → hop, fil → file).
    private static void Step1b(System.Text.StringBuilder w)
    {
        if (EndsWith(w, "eed"))
        {
            if (Measure(w, w.Length - 3) > 0)
            {
                w.Length--;
            }

            return;
        }

        int suffix = EndsWith(w, "ed") ? 2 : EndsWith(w, "ing") ? 3 : 0;
        if (suffix == 0 || !HasVowel(w, w.Length - suffix))
        {
            return;
        }

        w.Length -= suffix;
        if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz"))
        {
            w.Append('e');
        }
        else if (w.Length >= 2 && w[^1] == w[^2] && "aeiouylsz".IndexOf(w[^1], StringComparison.Ordinal) < 0)
        {
            w.Length--;
        }
        else if (IsShortSyllableWord(w, w.Length))
        {
            w.Append('e');
        }
    }

    // y → i where the rest holds a vowel.
    private static void Step1c(System.Text.StringBuilder w)
    {
        if (w[^1] == 'y' && HasVowel(w, w.Length - 1))
        {
            w[^1] = 'i';
        }
    }

    // Step 4 as ROUGE-1.5.5 runs it: the suffix list (with "ement" but without "ment" and "ent"), then "ment", then
    // "ent" or else "sion"/"tion" losing "ion"; each removed where the measure of what stays is above 1.
    private static void Step4Rules(System.Text.StringBuilder w)
    {
        string? longest = null;
        foreach (string suffix in Step4)
        {
            if (EndsWith(w, suffix) && (longest is null || suffix.Length > longest.Length))
            {
                longest = suffix;
            }
        }

        if (longest is not null && Measure(w, w.Length - longest.Length) > 1)
        {
            w.Length -= longest.Length;
        }

        if (EndsWith(w, "ment") && Measure(w, w.Length - 4) > 1)
        {
            w.Length -= 4;
        }

        if (EndsWith(w, "ent"))
        {
            if (Measure(w, w.Length - 3) > 1)
            {
                w.Length -= 3;
            }
        }
        else if (w.Length >= 4 && EndsWith(w, "ion") && w[^4] is 's' or 't' && Measure(w, w.Length - 3) > 1)
        {
            w.Length -= 3;
        }
    }

    // A final e goes where m > 1, or m = 1 and what stays is not a short syllable word; then ll → l where m > 1.
    private static void Step5(System.Text.StringBuilder w)
    {
        if (w[^1] == 'e')
        {
            int stem = w.Length - 1;
            int m = Measure(w, stem);
            if (m > 1 || (m == 1 && !IsShortSyllableWord(w, stem)))
            {
                w.Length--;
            }
        }

        if (EndsWith(w, "ll") && Measure(w, w.Length) > 1)
        {
            w.Length--;
        }
    }

    // The longest suffix of the list that the word ends in is replaced, where the measure of the rest is at least
    // minMeasure; a shorter suffix is not tried when the longest one's rest is too short.
    private static void ReplaceLongest(System.Text.StringBuilder w, (string Suffix, string Replacement)[] rules, int minMeasure)
    {
        (string Suffix, string Replacement)? longest = null;
        foreach (var rule in rules)
        {
            if (EndsWith(w, rule.Suffix) && (longest is null || rule.Suffix.Length > longest.Value.Suffix.Length))
            {
                longest = rule;
            }
        }

        if (longest is { } found && Measure(w, w.Length - found.Suffix.Length) >= minMeasure)
        {
            w.Length -= found.Suffix.Length;
            w.Append(found.Replacement);
        }
    }

    // The whole stem is one consonant run, one vowel and one consonant other than w, x or y ("hop", "fil", "trap"):
    // Porter's *o condition where m = 1.
    private static bool IsShortSyllableWord(System.Text.StringBuilder w, int length)
    {
        if (length < 3 || IsVowel(w, 0))
        {
            return false;
        }

        int i = 1;
        while (i < length && !IsVowel(w, i))
        {
            i++;
        }

        return i == length - 2 && "aeiouwxy".IndexOf(w[length - 1], StringComparison.Ordinal) < 0;
    }

    private static bool HasVowel(System.Text.StringBuilder w, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (IsVowel(w, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Porter's m of the first <paramref name="length"/> letters: how many vowel runs are followed by a consonant.</summary>
    private static int Measure(System.Text.StringBuilder w, int length)
    {
        int m = 0;
        for (int i = 1; i < length; i++)
        {
            if (IsVowel(w, i - 1) && !IsVowel(w, i))
            {
                m++;
            }
        }

        return m;
    }

    private static bool IsVowel(System.Text.StringBuilder w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => i > 0 && !IsVowel(w, i - 1),
        _ => false,
    };

    private static bool EndsWith(System.Text.StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
        {
            return false;
        }

        int offset = w.Length - suffix.Length;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (w[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
