export const TEMPLATE_DB = "jiebang_test_template";
