import { Box } from 'ink';
import { Text } from './Text.js';
import { monthLabel, type Month } from '../../domain/period.js';
import { tint } from '../theme.js';

export function Header({ unit, plan, month, title }: { unit: string; plan: string; month: Month; title: string }) {
  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between">
        <Text bold color={tint('accent')} wrap="truncate-end">
          tonghop · {unit}
        </Text>
        <Text>Tháng làm việc: {monthLabel(month)}</Text>
      </Box>
      <Text dimColor wrap="truncate-end">
        {plan} · {title}
      </Text>
    </Box>
  );
}
