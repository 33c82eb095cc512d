using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Loading;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// Every bound on a case and a rule file, with its message; and exact decimal figures up to the money bound:
/// amounts at the bound give exact sums and a plan, one cent beyond is a validation error, never an overflow.
/// </summary>
public sealed class LimitsTests
{
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    // The default rules with every parameter at the far end of its accepted range: the longest plans and extensions.
    private static readonly NegotiationAdvisor Stretched = NegotiationAdvisor.Create(RuleSetKit.From(TestFiles.Path("rules", "cn-consumer-credit"))
        .Edit("ruleset.json", m =>
        {
            foreach (var (name, value) in new[] { ("gracePeriodDays", 90), ("maxExtensionDays", 365), ("maxInstalmentMonths", 600), ("negativeRecordYears", 50), ("complaintResponseDays", 365), ("followUpDays", 365) })
            {
                m["parameters"]![name] = value;
            }

            m["parameters"]!["affordableShare"] = 1;
            m["parameters"]!["aprRedFlag"] = 10;
        })
        .Load());

    public static TheoryData<string, string> Lists => new()
    {
        { "history", "{ \"dueDate\": \"2026-01-01\", \"amountDue\": 1 }" },
        { "attempts", "{ \"on\": \"2026-01-01\", \"channel\": \"phone\", \"outcome\": \"pending\" }" },
        { "attempts[0].promises", "{ \"what\": \"pay\", \"by\": \"2026-01-01\" }" },
        { "offers", "{ \"upfrontFee\": 1 }" },
        { "finances.expenses", "{ \"category\": \"food\", \"monthly\": 1 }" },
        { "finances.income", "{ \"monthly\": 1 }" },
        { "finances.otherDebts", "{ \"monthlyPayment\": 1 }" },
        { "disputedCharges", "{ \"description\": \"x\", \"amount\": 1 }" },
        { "documents", "\"id\"" },
    };

    public static TheoryData<string> Texts => new()
    {
        "lender.name", "attempts[0].reference", "attempts[0].promises[0].what", "offers[0].description",
        "finances.income[0].source", "finances.otherDebts[0].lender", "disputedCharges[0].description",
    };

    public static TheoryData<string> Amounts => new()
    {
        "account.principal", "account.interest", "account.fees", "account.penaltyInterest", "history[0].amountDue", "history[0].amountPaid",
        "finances.income[0].monthly", "finances.expenses[0].monthly", "finances.otherDebts[0].monthlyPayment", "finances.otherDebts[0].balance",
        "finances.savings", "disputedCharges[0].amount", "offers[0].upfrontFee",
    };

    public static TheoryData<string> Dates => new()
    {
        "asOf", "account.dueDate", "history[0].dueDate", "history[0].paidOn", "hardship.since", "attempts[0].on", "attempts[0].promises[0].by",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Lists_hold_at_most_a_thousand_items(string path, string item)
    {
        // 1,000 items (or distinct values for lists whose items must differ) are accepted; 1,001 are refused at the list.
        var withMax = Full();
        SetList(withMax, path, item, CaseLimits.MaxItems);
        Assert.NotNull(Read(withMax));

        var beyond = Full();
        SetList(beyond, path, item, CaseLimits.MaxItems + 1);
        var problem = Assert.Single(Refused(beyond));
        Assert.Equal(path, problem.Path);
        Assert.Equal("has 1,001 items; at most 1,000 are accepted", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Texts_hold_at_most_two_thousand_characters(string path)
    {
        var atBound = Full();
        atBound.SelectToken(path)!.Replace(new string('长', CaseLimits.MaxTextLength));
        Assert.NotNull(Read(atBound));

        var beyond = Full();
        beyond.SelectToken(path)!.Replace(new string('长', CaseLimits.MaxTextLength + 1));
        var problem = Assert.Single(Refused(beyond));
        Assert.Equal(path, problem.Path);
        Assert.Equal("is 2,001 characters long; at most 2,000 are accepted", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amounts_above_one_trillion_are_refused(string path)
    {
        var beyond = Full();
        beyond.SelectToken(path)!.Replace(new JValue(CaseLimits.MaxMoney + 0.01m));

        var problem = Assert.Single(Refused(beyond), p => p.Path == path);
        Assert.Equal("is above the largest amount accepted (1,000,000,000,000)", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_outside_1970_to_2100_are_refused(string path)
    {
        foreach (var date in new[] { "1969-12-31", "2101-01-01", "0001-01-01", "9999-12-31" })
        {
            var outside = Full();
            outside.SelectToken(path)!.Replace(new JValue(date));

            var problem = Assert.Single(Refused(outside), p => p.Path == path);
            Assert.Equal($"{date} is outside the dates accepted (1970-01-01 to 2100-12-31)", problem.Message);
        }
    }

    [Theory]
    [InlineData("-0001-01-01")]
    [InlineData("+02026-01-01")]
    [InlineData("10000-01-01")]
    [InlineData("2026-02-29")]
    [InlineData("2026-00-10")]
    public void Dates_NodaTime_cannot_hold_or_that_do_not_exist_are_not_dates(string date)
    {
        var outside = Full();
        outside["asOf"] = date;

        var problem = Assert.Single(Refused(outside), p => p.Path == "asOf");
        Assert.Equal($"'{date}' is not a date; write it as \"yyyy-MM-dd\", e.g. \"2026-11-20\"", problem.Message);
    }

    [Fact]
    public void Case_text_longer_than_four_MiB_is_refused_before_it_is_parsed()
    {
        var json = "{\"lender\":{\"name\":\"" + new string(' ', CaseLimits.MaxJsonLength) + "\"}}";

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.Equal("", problem.Path);
        Assert.Equal($"the case is {json.Length:N0} characters long; at most 4,194,304 are accepted", problem.Message);
    }

    [Fact]
    public void A_case_with_every_list_full_and_every_amount_at_the_bound_fits_in_the_size_limit_and_is_advised()
    {
        var full = Full();
        foreach (var (path, item) in Lists.Select(row => ((string)row[0], (string)row[1])))
        {
            SetList(full, path, item, CaseLimits.MaxItems);
        }

        var json = full.ToString();
        Assert.True(json.Length < CaseLimits.MaxJsonLength, $"{json.Length:N0} characters");
        Assert.NotNull(Advisor.Advise(BorrowerCase.FromJson(json)));
    }

    [Fact]
    public void Sums_of_a_thousand_maximal_amounts_are_exact()
    {
        // decimal holds 28-29 significant digits: 1,000 × 1e12 with cents is 1e15 and needs 17; nothing is rounded.
        var full = Full();
        SetList(full, "finances.income", "{ \"monthly\": 999999999999.99, \"stable\": true }", CaseLimits.MaxItems);
        SetList(full, "finances.expenses", "{ \"category\": \"food\", \"monthly\": 999999999999.99 }", CaseLimits.MaxItems);
        SetList(full, "finances.otherDebts", "{ \"monthlyPayment\": 999999999999.99, \"balance\": 1000000000000 }", CaseLimits.MaxItems);

        var facts = Advisor.Advise(Read(full)).Assessment;

        Assert.Equal(999_999_999_999_990.00m, facts.MonthlyIncome);
        Assert.Equal(999_999_999_999_990.00m, facts.StableIncome);
        Assert.Equal(999_999_999_999_990.00m, facts.EssentialExpenses);
        Assert.Equal(999_999_999_999_990.00m, facts.OtherDebtPayments);
        Assert.Equal(-999_999_999_999_990.00m, facts.DisposableIncome);
        Assert.Equal(4_000_000_000_000m, facts.TotalOwed);
        Assert.Equal(2_000_000_000_000m, facts.FeesAndPenalties);
    }

    [Theory]
    [InlineData("2100-12-31", "1970-01-01", 10, 0.1)]
    [InlineData("2100-12-31", "2100-12-31", 10, 0.1)]
    [InlineData("1970-01-01", "1970-01-01", 0, 0)]
    [InlineData("2026-11-20", "2026-11-10", 10, 0.1)]
    [InlineData("2026-11-20", "2026-12-31", 0.0001, 0.000001)]
    public void Extreme_but_valid_cases_are_advised_without_overflow(string asOf, string dueDate, decimal annualRate, decimal dailyRate)
    {
        // Every amount at the bound, the highest rates accepted, the widest date span: a plan, in both languages, and its JSON.
        var full = Full();
        full["asOf"] = asOf;
        full["account"]!["dueDate"] = dueDate;
        full["account"]!["annualRate"] = annualRate;
        full["account"]!["penaltyDailyRate"] = dailyRate;
        full["account"]!["gracePeriodDays"] = 90;
        full["hardship"]!["expectedMonths"] = 600;
        full["conduct"]!["brokenPromises"] = 1000;
        foreach (var date in new[] { "history[0].dueDate", "history[0].paidOn", "hardship.since", "attempts[0].on", "attempts[0].promises[0].by" })
        {
            full.SelectToken(date)!.Replace(new JValue(asOf));
        }

        var @case = Read(full);

        Assert.NotEmpty(Advisor.Advise(@case).ToJson());
        Assert.NotEmpty(Advisor.Advise(@case, "en").ToJson());
        Assert.NotEmpty(Stretched.Advise(@case).ToJson());
    }

    public static TheoryData<string, bool> ParameterEnds()
    {
        var data = new TheoryData<string, bool>();
        foreach (var parameter in ManifestReader.Required)
        {
            data.Add(parameter.Name, false);
            data.Add(parameter.Name, true);
        }

        return data;
    }

    [Theory]
    [Trait("Category", TestCategories.Slow)]
    [MemberData(nameof(ParameterEnds))]
    public void Every_required_parameter_at_either_end_of_its_range_loads_and_advises_extreme_cases(string name, bool atMax)
    {
        // What the manifest accepts, the calculators must handle: a range wider than theirs used to fail only at Advise.
        var parameter = ManifestReader.Required.Single(p => p.Name == name);
        var rules = RuleSetKit.From(TestFiles.Path("rules", "cn-consumer-credit"))
            .Edit("ruleset.json", m => m["parameters"]![name] = atMax ? parameter.Max : parameter.Min)
            .Load();
        var advisor = NegotiationAdvisor.Create(rules);

        foreach (var (asOf, dueDate) in new[] { ("2100-12-31", "1970-01-01"), ("2026-11-20", "2026-11-19"), ("2026-11-20", "2026-12-31") })
        {
            var full = Full();
            full["asOf"] = asOf;
            full["account"]!["dueDate"] = dueDate;
            full["account"]!["annualRate"] = 10;
            full["account"]!["penaltyDailyRate"] = 0.1m;
            Assert.NotEmpty(advisor.Advise(Read(full), "en").ToJson());
        }
    }

    [Fact]
    public void Rule_file_longer_than_two_MiB_is_refused_with_the_bound()
    {
        var text = TestFiles.Read("TestData", "rulesets", "minimal", "requests.json");
        var padded = text + new string(' ', JsonSource.MaxFileLength - text.Length + 1);

        var problem = Assert.Single(RuleSetKit.Minimal().Replace("requests.json", padded).Problems());

        Assert.Equal("requests.json", problem.File);
        Assert.Equal("the file is longer than the 2,097,152 characters accepted", problem.Message);
    }

    [Fact]
    public void An_endless_rule_stream_is_read_only_up_to_the_bound()
    {
        var files = Directory.GetFiles(TestFiles.Path("TestData", "rulesets", "minimal"))
            .ToDictionary(f => Path.GetFileName(f), f => (Stream)new MemoryStream(File.ReadAllBytes(f)), StringComparer.Ordinal);
        files["requests.json"] = new EndlessStream();

        var problem = Assert.Single(Assert.Throws<RuleSetValidationException>(() => RuleSet.FromStreams(files)).Problems);

        Assert.Equal("the file is longer than the 2,097,152 characters accepted", problem.Message);
    }

    /// <summary>A stream of spaces that never ends, as a hostile or broken source would give.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_case_with_millions_of_problems_reports_the_first_two_hundred_and_stops()
    {
        // 1,000 attempts × 1,000 empty promises: 3 MB of JSON used to give 2,003,003 problems, a 161-million-character
        // message and 5 GB of allocation. Reading now stops at the bound and the last problem says so.
        var attempt = "{\"promises\":[" + string.Join(",", Enumerable.Repeat("{}", 1000)) + "]}";
        var json = "{\"attempts\":[" + string.Join(",", Enumerable.Repeat(attempt, 1000)) + "]}";
        // No wall-clock bound here (shared machines make timed tests flaky): the bound on the problems is what keeps it fast.
        var problems = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems;

        Assert.Equal(CaseLimits.MaxProblems + 1, problems.Count);
        Assert.Equal(new CaseProblem { Path = "", Message = "reading stopped after 200 problems; fix these and read the case again" }, problems[^1]);
        Assert.Equal("attempts[0].promises[0].what", problems[0].Path);
    }

    [Fact]
    public void A_rule_file_with_thousands_of_problems_lists_five_hundred_and_counts_the_rest()
    {
        var rules = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"RuleName\":\"r{i}\",\"Expression\":\"true\"}}"));

        var problems = RuleSetKit.Minimal().Replace("requests.json", $"{{\"WorkflowName\":\"requests\",\"Rules\":[{rules}]}}").Problems();

        Assert.Equal(ProblemList.MaxListed + 1, problems.Count);
        Assert.Equal("requests.json", problems[^1].File);
        Assert.Equal("1,500 more problems are not listed; fix these and load the set again", problems[^1].Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(100_000)]
    public void Rule_file_nested_deeper_than_64_is_refused_without_recursing_into_it(int depth)
    {
        var text = "{\"WorkflowName\":\"requests\",\"Rules\":" + new string('[', depth) + new string(']', depth) + "}";

        var problem = Assert.Single(RuleSetKit.Minimal().Replace("requests.json", text).Problems());

        Assert.Equal("requests.json", problem.File);
        Assert.StartsWith("invalid JSON: The reader's MaxDepth of 64 has been exceeded", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>A valid case with one item in every list and every amount at the money bound.</summary>
    private static JObject Full() => JObject.Parse("""
        {
          "asOf": "2026-11-20",
          "currency": "CNY",
          "lender": { "name": "x", "kind": "bank-card" },
          "account": {
            "principal": 1000000000000, "interest": 1000000000000, "fees": 1000000000000, "penaltyInterest": 1000000000000,
            "annualRate": 0.18, "penaltyDailyRate": 0.0005, "dueDate": "2026-11-10", "amountDue": 1000000000000
          },
          "history": [ { "dueDate": "2026-10-10", "amountDue": 1000000000000, "paidOn": "2026-10-10", "amountPaid": 1000000000000 } ],
          "finances": {
            "income": [ { "source": "x", "monthly": 1000000000000 } ],
            "expenses": [ { "category": "food", "monthly": 1000000000000 } ],
            "otherDebts": [ { "lender": "x", "monthlyPayment": 1000000000000, "balance": 1000000000000 } ],
            "savings": 1000000000000
          },
          "hardship": { "cause": "job-loss", "since": "2026-10-01", "expectedMonths": 12 },
          "conduct": { "brokenPromises": 1 },
          "disputedCharges": [ { "description": "x", "amount": 1000000000000 } ],
          "documents": [ "id" ],
          "attempts": [ { "on": "2026-11-12", "channel": "phone", "outcome": "rejected", "reference": "x", "promises": [ { "what": "x", "by": "2026-11-30" } ] } ],
          "offers": [ { "from": "third-party", "upfrontFee": 1000000000000, "description": "x" } ]
        }
        """);

    /// <summary>Fills the list at <paramref name="path"/> with <paramref name="count"/> copies of <paramref name="item"/>, keeping due dates distinct.</summary>
    private static void SetList(JObject root, string path, string item, int count)
    {
        var template = JToken.Parse(item);
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var copy = template.DeepClone();
            if (copy is JObject obj && obj["dueDate"] is not null)
            {
                // Each due date may appear once: count back one day at a time from the case's day.
                obj["dueDate"] = new NodaTime.LocalDate(2026, 11, 20).PlusDays(-1 - i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            return copy;
        });
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? root : (JObject)root.SelectToken(path[..dot])!;
        parent[path[(dot + 1)..]] = new JArray(items);
    }

    private static BorrowerCase Read(JObject json) => BorrowerCase.FromJson(json.ToString());

    private static IReadOnlyList<CaseProblem> Refused(JObject json) =>
        Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json.ToString())).Problems;
}
