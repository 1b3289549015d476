using Xinzhi.Data;

namespace Xinzhi.Tests.Data;

public sealed class RawTableTests
{
    [Fact]
    public void Should_read_every_missing_token_as_missing_with_spaces_and_any_case()
    {
        foreach (var token in RawTable.MissingTokens)
        {
            Assert.True(RawTable.IsMissing(token), token);
            Assert.True(RawTable.IsMissing("  " + token.ToLowerInvariant() + " "), token);
        }
        Assert.True(RawTable.IsMissing(null));
        Assert.True(RawTable.IsMissing("   "));
        Assert.False(RawTable.IsMissing("0"));
        Assert.False(RawTable.IsMissing("NA1"));
        Assert.False(RawTable.IsMissing("not available"));
    }

    [Theory]
    [InlineData("数据库：分省年度数据", true)]
    [InlineData("指标：地区生产总值(亿元)", true)]
    [InlineData("时间：最近10年", true)]
    [InlineData("Indicator: GDP", false)]
    [InlineData("地区", false)]
    public void Should_recognise_NBS_title_lines(string text, bool title) => Assert.Equal(title, RawTable.IsTitleText(text));
}
