using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;
using Xunit.Abstractions;

namespace Storyline.Core.Tests.Quotes;

public sealed class SeedDump(ITestOutputHelper output)
{
    [SharedFact("seeds")]
    public void Dump()
    {
        foreach (string name in new[] { SeedFiles.Reuters, SeedFiles.Independent })
        {
            AnalyzedArticle a = PipelineBuilder.CreateDefault().Analyze(new ReportCleaner().Clean(SeedFiles.Read(name)));
            foreach (Quote q in a.Quotes)
            {
                output.WriteLine($"{q.Kind} [{q.Sentence}] cue={(q.Cue is TextSpan c ? a.Text(c) : "-")} src={(q.Source is TextSpan s ? a.Text(s) : "-")} spk={q.Speaker} kind={q.SourceKind} via={(q.CitedBy is TextSpan v ? a.Text(v) : "-")} citing={(q.Citing is TextSpan ci ? a.Text(ci) : "-")}/{q.CitingKind}\n    {a.Text(q.Content)}");
            }

            foreach (Claim c in a.Claims)
            {
                output.WriteLine($"CLAIM {c.Status} key={c.Key} cue={(c.Cue is TextSpan cs ? a.Text(cs) : "-")} src={(c.Source is TextSpan s ? a.Text(s) : "-")}/{c.SourceKind}: {a.Text(c.Span)}");
            }

            foreach (Mention m in a.Mentions)
            {
                output.WriteLine($"M {a.Text(m.Span)} {m.Type} {m.Entity} role={m.Role}");
            }
        }
    }
}
