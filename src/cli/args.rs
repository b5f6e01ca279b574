//! The command line's grammar (clap derive). Help is in both languages, worded as in
//! README; every usage error exits 64 (`super::USAGE_ERROR`), not clap's 2, because 2
//! means “a file not checked”.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

const TEMPLATE: &str = "\
{about-with-newline}
用法 Usage: {usage}

{all-args}{after-help}";

const EXIT_STATUS: &str = "\
退出状态 exit status:
  0   三张表都完整读出，且没有错误（可以有警告）
      all three tables read completely and no error finding (warnings allowed)
  1   至少一处错误 at least one error finding
  2   未找到统计表，或文件无法读取（不是 UTF-8/UTF-16 文本，或超过 16 MiB）
      no report table recognised, or a file unreadable (not UTF-8/UTF-16 text, or over 16 MiB)
  3   只读出一部分，已读出的部分没有错误 read only partly, no error in what was read
  64  用法错误 bad usage
  多个文件时取最严重的：1 > 2 > 3 > 0 / with several files the worst wins: 1 > 2 > 3 > 0";

#[derive(Parser, Debug)]
#[command(
    name = "gouji",
    version,
    about = "勾稽：检查政府信息公开工作年度报告的统计表\n\
             gouji: checks the statistical tables of 政府信息公开工作年度报告",
    after_help = EXIT_STATUS,
    arg_required_else_help = true,
    subcommand_help_heading = "命令 Commands",
    help_template = TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    next_help_heading = "选项 Options"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// 打印帮助 print help
    #[arg(short, long, action = ArgAction::Help)]
    help: Option<bool>,

    /// 打印版本 print the version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查报告（文件、目录或 - 表示标准输入）
    /// check reports (files, directories, or - for stdin)
    #[command(
        after_help = EXIT_STATUS,
        help_template = TEMPLATE,
        disable_help_flag = true,
        next_help_heading = "选项 Options"
    )]
    Check(CheckArgs),
    /// 规则目录 the rule catalogue
    #[command(
        help_template = TEMPLATE,
        disable_help_flag = true,
        next_help_heading = "选项 Options"
    )]
    Rules(RulesArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// 要检查的文件或目录；目录递归读取其中的 .txt .md .html .htm；- 为标准输入
    /// files or directories to check; a directory is read recursively for .txt .md .html
    /// .htm; - reads stdin
    #[arg(
        value_name = "FILE|DIR",
        required = true,
        help_heading = "参数 Arguments"
    )]
    pub paths: Vec<PathBuf>,

    /// 输出格式：text（编译器式文字）或 json（每个文件一行 JSON）
    /// output: text (compiler-style) or json (one JSON document per file, one per line)
    #[arg(long, value_enum, default_value_t = OutFormat::Text, conflicts_with = "summary")]
    pub format: OutFormat,

    /// 文字输出的语言 language of the text output
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,

    /// 文字输出不打印读出的表格 text output without the tables as read
    #[arg(long)]
    pub no_tables: bool,

    /// 不输出各报告，只输出汇总：每个报告一行（csv、tsv 或 json）
    /// instead of the reports, print a summary with one row per report (csv, tsv or json)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub summary: Option<SummaryFormat>,

    /// 并行检查的数量（默认：全部核心）
    /// how many reports to check in parallel (default: all cores)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// 上一年度的报告：核对跨年度的关系（R8 R17 R20 R21 R25）；
    /// 批量检查时同一机关相邻年份的报告自动配对
    /// last year's report: check the cross-year relations (R8 R17 R20 R21 R25); in a batch,
    /// one agency's reports of consecutive years are paired automatically
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,

    /// 打印帮助 print help
    #[arg(short, long, action = ArgAction::Help)]
    help: Option<bool>,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// 输出格式 output: text or json
    #[arg(long, value_enum, default_value_t = OutFormat::Text)]
    pub format: OutFormat,

    /// 文字输出的语言 language of the text output
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,

    /// 打印帮助 print help
    #[arg(short, long, action = ArgAction::Help)]
    help: Option<bool>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    Csv,
    Tsv,
    Json,
}

impl From<LangArg> for gouji::render::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => gouji::render::Lang::Zh,
            LangArg::En => gouji::render::Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}
