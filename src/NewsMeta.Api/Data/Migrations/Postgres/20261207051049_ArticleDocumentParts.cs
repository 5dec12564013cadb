using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// Each stored document gains its relations on their own (what a GraphQL page reads per row), compressed
    /// with lz4 like the full document when the server has it. Existing rows are rendered by the start-up
    /// backfill; until then GraphQL reads their full documents.
    /// </summary>
    public partial class ArticleDocumentParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Parts",
                table: "ArticleDocuments",
                type: "bytea",
                nullable: true);

            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE "ArticleDocuments" ALTER COLUMN "Parts" SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 compression is not available on this server: stored relations stay pglz';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Parts",
                table: "ArticleDocuments");
        }
    }
}
