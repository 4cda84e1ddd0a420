para
  | 文字}多余
