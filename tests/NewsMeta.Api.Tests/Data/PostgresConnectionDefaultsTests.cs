#if !POSTGRES
using NewsMeta.Api.Data;
using Npgsql;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// The defaults the service adds to a PostgreSQL connection string, each only where the string sets none:
/// TLS is off only when every host is this machine, and whatever the operator wrote wins.
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=news")]
    [InlineData("Host=localhost;Database=news")]
    [InlineData("Host=::1;Database=news")]
    [InlineData("Host=[::1]:5433;Database=news")]
    [InlineData("Host=/var/run/postgresql;Database=news")]
    [InlineData("Host=127.0.0.1:5432,localhost:5433;Database=news")]
    public void Tls_is_off_when_every_host_is_this_machine(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults(connectionString));

        Assert.Equal(SslMode.Disable, result.SslMode);
    }

    [Theory]
    [InlineData("Host=db.internal;Database=news")]
    [InlineData("Host=10.0.0.7;Database=news")]
    [InlineData("Host=127.0.0.1,db.internal;Database=news")]
    public void A_remote_host_keeps_npgsqls_tls_default(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults(connectionString));

        Assert.Equal(new NpgsqlConnectionStringBuilder().SslMode, result.SslMode);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;SSL Mode=Require;Trust Server Certificate=true", SslMode.Require)]
    [InlineData("Host=localhost;sslmode=VerifyFull", SslMode.VerifyFull)]
    public void The_strings_own_tls_setting_wins(string connectionString, SslMode expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults(connectionString));

        Assert.Equal(expected, result.SslMode);
    }

    [Theory]
    [InlineData("Host=db.internal", true)]
    [InlineData("Host=db.internal;No Reset On Close=false", false)]
    public void Pooled_connections_are_not_reset_unless_the_string_says(string connectionString, bool expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults(connectionString));

        Assert.Equal(expected, result.NoResetOnClose);
    }

    [Fact]
    public void Timeout_and_statement_preparation_are_added_only_where_unset()
    {
        var added = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults("Host=db.internal"));
        var kept = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults("Host=db.internal;Timeout=9;Max Auto Prepare=0"));

        Assert.Equal((DatabaseServiceCollectionExtensions.ConnectTimeoutSeconds, DatabaseServiceCollectionExtensions.AutoPreparedStatements), (added.Timeout, added.MaxAutoPrepare));
        Assert.Equal((9, 0), (kept.Timeout, kept.MaxAutoPrepare));
    }

    [Theory]
    [InlineData("Host=db.internal", "-c jit=off")]
    [InlineData("Host=db.internal;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db.internal;Options=-c jit=on", "-c jit=on")]
    public void Jit_is_turned_off_unless_the_strings_options_set_it(string connectionString, string expectedOptions)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithServiceDefaults(connectionString));

        Assert.Equal(expectedOptions, result.Options);
    }
}
#endif
