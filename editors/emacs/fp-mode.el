;;; fp-mode.el --- the plc plan language (.fp) -*- lexical-binding: t -*-

;; A major mode for plans of the plc plan language: highlighting, '#' comments,
;; `fp-check' (plc check in a compilation buffer, whose columns count characters, as
;; plc's do), and eglot (Emacs 29 and later) starting `plc lsp'.

;;; Code:

(require 'compile)

(defgroup fp nil "The plc plan language." :group 'languages)

(defcustom fp-plc-program "plc"
  "The plc program: a name on PATH or a full path."
  :type 'string :group 'fp)

(defconst fp-font-lock-keywords
  `((,(rx line-start (* blank)
          (group (or "title" "region" "year" "base" "date" "status" "import" "unit"
                     "indicator" "target" "claim" "part" "section" "para" "task" "commit"))
          symbol-end)
     1 font-lock-keyword-face)
    (,(rx line-start (* blank) (or "indicator" "commit" "claim") (+ blank)
          (group (+ (not (any blank ?\" ?#)))))
     1 font-lock-variable-name-face)
    (,(rx symbol-start (or "as" "decimals" "category" "main" "lead" "due" "for" "verb")
          symbol-end)
     . font-lock-type-face)
    (,(rx (or "预期性" "约束性" "实际" "预计" "计划" "草案" "正式"
              (seq symbol-start (or "actual" "estimate" "plan" "expected" "binding")
                   symbol-end)))
     . font-lock-constant-face)
    (,(rx (or "现价" "当年价" "可比价" "当期" "累计")) . font-lock-constant-face)
    (,(rx (or "同比" "增长" "提高" "提升" "增加" "下降" "降低" "减少" "持平" "翻番"
              "不少于" "不低于" "不超过" "不高于" "至少" "至多" "以上" "以下" "以内" "左右"
              "超过" "突破" "高于" "低于" "不到" "接近" "达到" "增至" "降至" "约" "超" "近" "达"))
     . font-lock-builtin-face)
    (,(rx symbol-start (or "growth" "share" "rate" "prev" "cumsum" "sum") (* blank) "(")
     . font-lock-function-name-face)
    (,(rx "{" (+ (not (any "{}\n"))) "}") . font-lock-variable-name-face)
    (,(rx (+ digit) (? "." (+ digit))) . font-lock-constant-face))
  "Highlighting for `fp-mode'.")

(defvar fp-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "<" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?_ "_" st)
    st)
  "Syntax table for `fp-mode'.")

(defun fp-check ()
  "Check the plan with plc; the errors are in the compilation buffer (\\[next-error])."
  (interactive)
  (save-buffer)
  (let ((buf (compile (format "%s check %s" fp-plc-program
                              (shell-quote-argument (file-name-nondirectory
                                                     buffer-file-name))))))
    ;; plc's column counts characters, not screen columns (a CJK character is two)
    (with-current-buffer buf
      (setq-local compilation-error-screen-columns nil))
    buf))

(defvar fp-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-c") #'fp-check)
    map)
  "Keys of `fp-mode'.")

;;;###autoload
(define-derived-mode fp-mode prog-mode "Plan"
  "Major mode for plans of the plc plan language."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (setq-local font-lock-defaults '(fp-font-lock-keywords))
  (setq-local compile-command (format "%s check %s" fp-plc-program
                                      (shell-quote-argument (or buffer-file-name "")))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.fp\\'" . fp-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs `(fp-mode ,fp-plc-program "lsp")))

(provide 'fp-mode)
;;; fp-mode.el ends here
