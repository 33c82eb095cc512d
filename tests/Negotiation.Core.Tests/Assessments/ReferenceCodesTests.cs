using Negotiation.Core.Assessments;

namespace Negotiation.Core.Tests.Assessments;

/// <summary>Plans quote a contact's reference code, not the borrower's whole note about the contact (reading 31).</summary>
public sealed class ReferenceCodesTests
{
    [Theory]
    [InlineData("ARR-58213", "ARR-58213")]
    [InlineData("chat-20261118-5531", "chat-20261118-5531")]
    [InlineData("(2026)京0105民诉前调4417号", "(2026)京0105民诉前调4417号")]
    [InlineData("TS202605080356", "TS202605080356")]
    public void A_note_that_is_one_short_code_is_the_reference(string note, string expected) =>
        Assert.Equal(expected, ReferenceCodes.In(note));

    [Theory]
    [InlineData("call of 2026-11-09 at 12:15 with agent Daniel, arrangement reference ARR-58213; confirmation letter promised within 5 working days, not received", "ARR-58213")]
    [InlineData("her email of 2026-10-06 offering £130.00 a month with an income and expenditure statement; the bank's letter of 2026-10-20 (ref CR/4471) declining it", "CR/4471")]
    [InlineData("App 内协商还款申请,电子协议编号 XY-HS-20260320-0871(电子签署,短信确认)", "XY-HS-20260320-0871")]
    [InlineData("Northgate Bank letter NB/CS/88213 of 2026-11-06", "NB/CS/88213")]
    [InlineData("email LB-FS-55102, chased as LB-FS-55102 and CMP-771903", "LB-FS-55102, CMP-771903")]
    public void A_longer_note_gives_the_codes_in_it(string note, string expected) =>
        Assert.Equal(expected, ReferenceCodes.In(note));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("partner's call; promised call back never came")]
    [InlineData("SFS offer £150/month, interest frozen; lender's reply 24 April 2026")]
    [InlineData("App在线客服会话 2026-07-20")]
    [InlineData("客服热线,2026-10-22,客服工号 CF3317;答复“系统评估不符合协商分期条件”,未提出其他方案")]
    [InlineData("享花卡客服热线来电,2026-10-27 19:42,客服 陈佳(工号 XH2046);口头同意协商分期 24 期,无书面确认")]
    [InlineData("call with agent staff no. AB1234, no reference given")]
    public void A_note_without_a_code_or_with_only_a_staff_number_gives_no_reference(string? note) =>
        Assert.Equal("", ReferenceCodes.In(note));
}
