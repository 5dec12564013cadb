using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over analysed text (see Features/Search); rowid is the article id. Kept by the writer,
            // filled for existing articles at start-up. unicode61 only splits on spaces here: the analyser did the rest.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
