using Storyline.Domain;
using Storyline.Evaluation.Time;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Time;

public sealed class TimeMLTests
{
    private const string Document = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>X1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
        <TEXT>
        Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at AT&amp;T, <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> after talks.
        </TEXT>
        <TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t1" relType="IS_INCLUDED"/>
        </TimeML>
        """;

    [Fact]
    public void Reader_finds_the_creation_time_the_text_and_the_tags_as_offsets()
    {
        TimeMLDocument doc = TimeMLReader.Parse("x.tml", Document);

        Assert.Equal(new DateOnly(1998, 8, 7), doc.CreationDate);
        Assert.Contains("Bombs exploded Friday at AT&T, two weeks after talks.", doc.Text, StringComparison.Ordinal);
        Assert.Equal(2, doc.Timexes.Count);
        Assert.Equal("Friday", doc.Text[doc.Timexes[0].Start..doc.Timexes[0].End]);
        Assert.Equal(("t1", TimeType.Date, "1998-08-07"), (doc.Timexes[0].Id, doc.Timexes[0].Type, doc.Timexes[0].Value));
        Assert.Equal("two weeks", doc.Text[doc.Timexes[1].Start..doc.Timexes[1].End]);
        Assert.Equal(TimeType.Duration, doc.Timexes[1].Type);
    }

    [Fact]
    public void Written_predictions_read_back_the_same()
    {
        TimeMLDocument doc = TimeMLReader.Parse("x.tml", Document);
        Timex[] ours = [new("t9", doc.Timexes[0].Start, doc.Timexes[0].End, TimeType.Date, "1998-08-07")];

        TimeMLDocument back = TimeMLReader.Parse("x.tml", TimeMLWriter.Write(doc, ours));

        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.CreationDate, back.CreationDate);
        Timex only = Assert.Single(back.Timexes);
        Assert.Equal((ours[0].Start, ours[0].End, "1998-08-07"), (only.Start, only.End, only.Value));
    }

    [SharedFact("data/time/tempeval3-tbaq")]
    public void Smoke_run_on_a_few_benchmark_documents_finds_most_gold_expressions()
    {
        // Given a handful of TimeBank documents, run through the real pipeline
        string folder = Path.Combine(TestPaths.Shared, "data/time/tempeval3-tbaq/TBAQ-cleaned/AQUAINT");
        var pipeline = Storyline.Pipeline.PipelineBuilder.CreateDefault();
        var total = TimeScores.Zero;
        foreach (TimeMLDocument doc in TimeMLReader.ReadFolder(folder).Take(12))
        {
            total += TimeScorer.Score(doc.Timexes, TimeEvaluation.Predict(pipeline, doc));
        }

        // Then most gold expressions are found and most of those get the gold value
        Assert.True(total.Gold > 10);
        Assert.True(total.RelaxedF1 > 0.8, $"relaxed F1 {total.RelaxedF1:0.000}");
        Assert.True(total.ValueAccuracy > 0.6, $"value accuracy {total.ValueAccuracy:0.000}");
    }
}
